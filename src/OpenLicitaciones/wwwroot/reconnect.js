// The circuit's connection (issue 13): Blazor starts here with a reconnection policy that suits a restart of the server
// (a retry every second at first, so a page is back within about a second of the server), and a page whose circuit
// cannot come back reloads itself from its URL, which keeps its filters. It reloads only once the server answers:
// a kiosk must never end on the browser's own "cannot reach this site" page.
(() => {
    const espera = intento => intento < 30 ? 1000 : 5000;
    const intentos = 90; // 30 s at one a second, then 5 min at one every 5 s; then the page waits for the server's health

    let recargando = false;
    const recargarCuandoResponda = async () => {
        if (recargando) return;
        recargando = true;
        for (;;) {
            try {
                const r = await fetch("/health", { cache: "no-store" });
                if (r.ok) break;
            } catch {
                // still down
            }
            await new Promise(listo => setTimeout(listo, 2000));
        }
        location.reload();
    };

    // Blazor swaps the prerendered markup when the circuit attaches, so the modal and its buttons are found through the
    // document each time (the state event does not bubble: it is caught on its way down).
    document.addEventListener("components-reconnect-state-changed", e => {
        const estado = e.detail?.state;
        if (estado === "rejected" || estado === "resume-failed" || estado === "failed") recargarCuandoResponda();
    }, true);

    document.addEventListener("click", async e => {
        const boton = e.target instanceof Element ? e.target.closest("#components-reconnect-button, #components-reload-button") : null;
        if (!boton) return;
        if (boton.id === "components-reload-button") return recargarCuandoResponda();
        const vuelto = await (Blazor.reconnect?.() ?? Promise.resolve(false));
        if (!vuelto && !(await (Blazor.resumeCircuit?.() ?? Promise.resolve(false)))) recargarCuandoResponda();
    });

    Blazor.start({ circuit: { reconnectionOptions: { retryIntervalMilliseconds: espera, maxRetries: intentos } } });
})();
