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

    const recordar = raiz => {
        if (raiz.nodeType !== Node.ELEMENT_NODE) return;
        if (raiz.matches("[data-vivo]")) vistos.set(raiz, raiz.textContent);
        for (const e of raiz.querySelectorAll("[data-vivo]")) vistos.set(e, e.textContent);
    };

    const destacar = e => {
        e.classList.remove("vivo-cambio");
        void e.offsetWidth; // restart the animation when a figure changes twice in a row
        e.classList.add("vivo-cambio");
        clearTimeout(e._vivo);
        e._vivo = setTimeout(() => e.classList.remove("vivo-cambio"), 2000);
    };

    new MutationObserver(cambios => {
        const revisar = new Set();
        for (const c of cambios) {
            for (const n of c.addedNodes) recordar(n);
            const el = (c.target.nodeType === Node.TEXT_NODE ? c.target.parentElement : c.target)?.closest?.("[data-vivo]");
            if (el) revisar.add(el);
        }
        for (const el of revisar) {
            const antes = vistos.get(el);
            vistos.set(el, el.textContent);
            if (antes !== undefined && antes !== el.textContent) destacar(el);
        }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

    recordar(document.documentElement);
    tick();
    setInterval(tick, 1000);
})();
