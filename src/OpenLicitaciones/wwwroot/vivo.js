// What changes live is made visible (issue 13): a figure marked data-vivo flashes briefly when its text changes in
// place (never when a page or the circuit first draws it), and a label marked data-hace ticks "hace N s" by itself,
// in the browser, so that no server timer re-renders every page every second.
(() => {
    const vistos = new WeakMap();

    const texto = segundos =>
        segundos < 5 ? "ahora mismo"
        : segundos < 60 ? `hace ${segundos} s`
        : segundos < 3600 ? `hace ${Math.floor(segundos / 60)} min`
        : `hace ${Math.floor(segundos / 3600)} h`;

    const tick = () => {
        for (const e of document.querySelectorAll("[data-hace]")) {
            const desde = Date.parse(e.dataset.hace);
            if (Number.isNaN(desde)) continue;
            const nuevo = texto(Math.max(0, Math.round((Date.now() - desde) / 1000)));
            // Written only when it changes: every write is itself a mutation.
            if (e.textContent !== nuevo) e.textContent = nuevo;
        }
    };

    const destacar = e => {
        e.classList.remove("vivo-cambio");
        void e.offsetWidth; // restart the animation when a figure changes twice in a row
        e.classList.add("vivo-cambio");
        clearTimeout(e._vivo);
        e._vivo = setTimeout(() => e.classList.remove("vivo-cambio"), 2000);
    };

    // One pass over the few marked figures per batch of changes, whatever the batch holds: when the circuit first
    // draws a page it inserts a thousand nodes, and looking inside each of them cost a phone tens of milliseconds.
    // A figure seen for the first time is only remembered; one whose text changed in place flashes.
    const revisar = () => {
        for (const el of document.querySelectorAll("[data-vivo]")) {
            const antes = vistos.get(el);
            const ahora = el.textContent;
            vistos.set(el, ahora);
            if (antes !== undefined && antes !== ahora) destacar(el);
        }
    };

    new MutationObserver(revisar).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

    revisar();
    tick();
    setInterval(tick, 1000);
})();
