// Gestures for MapaMunicipio: drag to pan, wheel and two-finger pinch to zoom. The server owns the view (the SVG's
// viewBox); while a gesture lasts the map only moves with a CSS transform, and when it ends the server is told the
// change in SVG units and re-renders. Loaded with import() from the component; no inline script (CSP script-src 'self').

const umbral = 4; // px a pointer must travel before a press becomes a drag (so taps still select markers)
const teclasDelMapa = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', '+', '=', '-', '_', '0', 'Home']);

export function iniciar(lienzo, dotnet) {
    const punteros = new Map();
    let gesto = null;        // { x, y } of the start (drag) or { distancia, x, y } of the two-finger start (pinch)
    let cambio = null;       // { factor, dx, dy } in screen px shown so far
    let suprimirClic = false;
    let rueda = null;        // { factor, x, y } accumulated between two messages
    let enviando = false;

    const dibujo = () => lienzo.querySelector('svg');
    const vista = () => lienzo.querySelector('[data-mapa-vista]').viewBox.baseVal;
    const caja = () => lienzo.getBoundingClientRect();
    const unidadesPorPixel = () => vista().width / caja().width;
    const aMapa = (x, y) => {
        const c = caja(), v = vista(), k = v.width / c.width;
        return [v.x + (x - c.left) * k, v.y + (y - c.top) * k];
    };

    function mostrar(factor, dx, dy, origenX, origenY) {
        const c = caja();
        const svg = dibujo();
        svg.style.transformOrigin = `${origenX - c.left}px ${origenY - c.top}px`;
        svg.style.transform = `translate(${dx}px, ${dy}px) scale(${factor})`;
    }

    function enviar(factor, x, y, dx, dy) {
        const [cx, cy] = aMapa(x, y);
        const k = unidadesPorPixel() / factor; // SVG units per px once zoomed
        enviando = true;
        return dotnet.invokeMethodAsync('Gesto', factor, cx, cy, -dx * k, -dy * k)
            .catch(() => { })
            .finally(() => {
                dibujo().style.transform = '';
                enviando = false;
            });
    }

    function alPresionar(e) {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        punteros.set(e.pointerId, { x: e.clientX, y: e.clientY });
        suprimirClic = false;
        if (punteros.size === 1) {
            gesto = { x: e.clientX, y: e.clientY };
            cambio = null;
        } else if (punteros.size === 2) {
            const [a, b] = [...punteros.values()];
            gesto = { distancia: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
            cambio = { factor: 1, dx: 0, dy: 0 };
            for (const id of punteros.keys()) lienzo.setPointerCapture(id);
        }
    }

    function alMover(e) {
        if (!punteros.has(e.pointerId) || !gesto) return;
        punteros.set(e.pointerId, { x: e.clientX, y: e.clientY });
        if (punteros.size === 1 && gesto.distancia === undefined) {
            const dx = e.clientX - gesto.x, dy = e.clientY - gesto.y;
            if (!cambio && Math.hypot(dx, dy) < umbral) return;
            if (!cambio) lienzo.setPointerCapture(e.pointerId);
            cambio = { factor: 1, dx, dy };
            mostrar(1, dx, dy, gesto.x, gesto.y);
        } else if (punteros.size === 2) {
            const [a, b] = [...punteros.values()];
            const factor = Math.hypot(a.x - b.x, a.y - b.y) / gesto.distancia;
            cambio = { factor, dx: (a.x + b.x) / 2 - gesto.x, dy: (a.y + b.y) / 2 - gesto.y };
            mostrar(factor, cambio.dx, cambio.dy, gesto.x, gesto.y);
        }
    }

    function alSoltar(e) {
        if (!punteros.delete(e.pointerId)) return;
        if (gesto && cambio) {
            suprimirClic = true;
            enviar(cambio.factor, gesto.x, gesto.y, cambio.dx, cambio.dy);
        }
        // A pinch that loses one finger ends; the remaining finger starts nothing until it is lifted.
        gesto = null;
        cambio = null;
    }

    function alHacerClic(e) {
        if (suprimirClic) {
            suprimirClic = false;
            e.stopPropagation();
            e.preventDefault();
            return;
        }
        // A page that places things (data-mapa-punto) is told the point under a click that did not end a drag; a
        // marker's own click is left to the marker.
        if (lienzo.dataset.mapaPunto === undefined || e.target.closest('.mapa-marcador')) return;
        const [x, y] = aMapa(e.clientX, e.clientY);
        dotnet.invokeMethodAsync('MarcarPunto', x, y).catch(() => { });
    }

    function alGirarRueda(e) {
        e.preventDefault();
        const pixeles = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
        rueda = rueda ?? { factor: 1, x: e.clientX, y: e.clientY };
        rueda.factor *= Math.exp(-pixeles * 0.002);
        rueda.x = e.clientX;
        rueda.y = e.clientY;
        if (!enviando) enviarRueda();
    }

    function enviarRueda() {
        if (!rueda) return;
        const { factor, x, y } = rueda;
        rueda = null;
        enviar(Math.min(4, Math.max(0.25, factor)), x, y, 0, 0).then(enviarRueda);
    }

    function alPulsarTecla(e) {
        // The component handles these keys; stop them from also scrolling the page (Space on a marker too).
        if (e.key === ' ' && e.target.closest('.mapa-marcador')) e.preventDefault();
        if (!teclasDelMapa.has(e.key)) return;
        e.preventDefault();
        // A key that moves the map moves focus from a marker to the map, which the move cannot take off screen.
        if (e.target !== lienzo) lienzo.focus();
    }

    lienzo.addEventListener('pointerdown', alPresionar);
    lienzo.addEventListener('pointermove', alMover);
    lienzo.addEventListener('pointerup', alSoltar);
    lienzo.addEventListener('pointercancel', alSoltar);
    lienzo.addEventListener('click', alHacerClic, true);
    lienzo.addEventListener('wheel', alGirarRueda, { passive: false });
    lienzo.addEventListener('keydown', alPulsarTecla);

    return {
        dispose() {
            lienzo.removeEventListener('pointerdown', alPresionar);
            lienzo.removeEventListener('pointermove', alMover);
            lienzo.removeEventListener('pointerup', alSoltar);
            lienzo.removeEventListener('pointercancel', alSoltar);
            lienzo.removeEventListener('click', alHacerClic, true);
            lienzo.removeEventListener('wheel', alGirarRueda);
            lienzo.removeEventListener('keydown', alPulsarTecla);
        },
    };
}
