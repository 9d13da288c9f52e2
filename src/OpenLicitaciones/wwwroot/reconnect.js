// Buttons of the Spanish reconnection display (Components/Layout/ReconnectModal.razor). The CSP forbids inline handlers.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    document.getElementById("components-reconnect-button")?.addEventListener("click", async () => {
        const resumed = await (Blazor.reconnect?.() ?? Promise.resolve(false));
        if (!resumed && Blazor.resumeCircuit && !(await Blazor.resumeCircuit())) location.reload();
    });
    document.getElementById("components-reload-button")?.addEventListener("click", () => location.reload());
    // A circuit the server no longer knows (restart) cannot come back: reload so the page restores itself from its URL.
    modal.addEventListener("components-reconnect-state-changed", e => {
        if (e.detail?.state === "rejected" || e.detail?.state === "resume-failed") location.reload();
    });
})();
