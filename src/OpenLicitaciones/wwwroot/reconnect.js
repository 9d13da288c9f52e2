// The circuit's connection (issue 13): Blazor starts here with a reconnection policy that suits a restart of the server
// (a retry every second at first, so a page is back within about a second of the server), and a page whose circuit
// cannot come back reloads itself from its URL, which keeps its filters. It reloads only once the server answers:
// a kiosk must never end on the browser's own "cannot reach this site" page.
// Without a circuit (issue 14: a weak signal) the prerendered page stays readable and its links are plain links; the
// bar says so, and the phone's menu button still opens the sections.
(() => {
    const espera = intento => intento < 30 ? 1000 : 5000;
    const intentos = 90; // 30 s at one a second, then 5 min at one every 5 s; then the page waits for the server's health

    // Whether the page has a live circuit: until it has, the server runs none of its buttons.
    let conectado = false;

    const responde = async () => {
        try {
            return (await fetch("/health", { cache: "no-store" })).ok;
        } catch {
            return false;
        }
    };

    let recargando = false;
    const recargarCuandoResponda = async () => {
        if (recargando) return;
        recargando = true;
        while (!conectado && !(await responde())) await new Promise(listo => setTimeout(listo, 2000));
        // A circuit that came up meanwhile needs no reload.
        if (conectado) recargando = false;
        else location.reload();
    };

    // Blazor swaps the prerendered markup when the circuit attaches, so the bar, its buttons and the drawer are found
    // through the document each time (the state event does not bubble: it is caught on its way down).
    const barra = () => document.getElementById("components-reconnect-modal");
    const cerrarMenu = () => document.getElementById("secciones")?.classList.remove("abierto-sin-conexion");

    document.addEventListener("components-reconnect-state-changed", e => {
        const estado = e.detail?.state;
        conectado = estado === "hide";
        if (conectado) cerrarMenu();
        if (estado === "rejected" || estado === "resume-failed" || estado === "failed") recargarCuandoResponda();
    }, true);

    document.addEventListener("click", async e => {
        const boton = e.target instanceof Element ? e.target.closest("#components-reconnect-button, #components-reload-button") : null;
        if (!boton) return;
        if (boton.id === "components-reload-button") return recargarCuandoResponda();
        const vuelto = await (Blazor.reconnect?.() ?? Promise.resolve(false));
        if (!vuelto && !(await (Blazor.resumeCircuit?.() ?? Promise.resolve(false)))) recargarCuandoResponda();
    });

    // On a phone the sections are behind the menu button, whose handler runs on the server: while there is no circuit
    // (still connecting, cut off, or never connected) the button opens and closes the drawer here, so its links work.
    // Caught before Blazor sees the click, which would try to send it over the dead connection.
    window.addEventListener("click", e => {
        const menu = conectado || !(e.target instanceof Element) ? null : e.target.closest(".menu-button");
        if (!menu) return;
        e.stopPropagation();
        const abierto = document.getElementById("secciones")?.classList.toggle("abierto-sin-conexion");
        menu.setAttribute("aria-expanded", abierto ? "true" : "false");
    }, true);

    // blazor.web.js shows nothing while the first connection is missing and reports no failure of it: a page still
    // without a circuit after a few seconds says so in the bar (the staff's sign-in pages have neither, and say nothing).
    // It reloads by itself only when the server did not answer and then does (the signal came back); a server that
    // answers while the circuit cannot start (a network that blocks it) would fail the same way after a reload, page
    // after page, so there the bar's button is the way. Links then load their pages through enhanced navigation, which
    // puts the server's markup back: the bar is set again on each.
    let sinCircuito = false;
    const avisarSinCircuito = () => {
        if (sinCircuito && !conectado) barra()?.classList.add("reconnect-start-failed");
    };
    const plazo = setTimeout(async () => {
        if (!barra()) return;
        sinCircuito = true;
        avisarSinCircuito();
        if (!(await responde())) recargarCuandoResponda();
    }, 5000);

    Blazor.start({
        circuit: {
            reconnectionOptions: { retryIntervalMilliseconds: espera, maxRetries: intentos },
            circuitHandlers: [{
                onCircuitOpened: () => {
                    conectado = true;
                    sinCircuito = false;
                    clearTimeout(plazo);
                    barra()?.classList.remove("reconnect-start-failed");
                    cerrarMenu();
                },
            }],
        },
    });
    Blazor.addEventListener("enhancedload", avisarSinCircuito); // defined by start
})();
