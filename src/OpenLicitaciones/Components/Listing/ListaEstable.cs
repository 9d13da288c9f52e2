namespace OpenLicitaciones.Components.Listing;

/// <summary>
/// What a list shows after a live change while someone is reading it (issue 13): the rows already on screen stay in
/// their place with their new values, rows that no longer exist leave, and new rows or a new order wait until the
/// reader asks for them. A list with nothing of what was on screen left simply becomes the new one.
/// </summary>
public static class ListaEstable
{
    public sealed record Fusion<T>(IReadOnlyList<T> Visibles, int Nuevas, bool Pendiente);

    public static Fusion<T> Fusionar<T, TClave>(IReadOnlyList<T>? mostradas, IReadOnlyList<T> actuales, Func<T, TClave> clave)
        where TClave : notnull
    {
        if (mostradas is null || mostradas.Count == 0) return new(actuales, 0, false);
        var porClave = new Dictionary<TClave, T>();
        foreach (var fila in actuales) porClave.TryAdd(clave(fila), fila);
        var visibles = new List<T>(mostradas.Count);
        foreach (var fila in mostradas)
            if (porClave.TryGetValue(clave(fila), out var actual)) visibles.Add(actual);
        if (visibles.Count == 0) return new(actuales, 0, false);

        var vistas = mostradas.Select(clave).ToHashSet();
        var nuevas = porClave.Keys.Count(k => !vistas.Contains(k));
        var mismoOrden = visibles.Count == actuales.Count && visibles.Select(clave).SequenceEqual(actuales.Select(clave));
        return new(visibles, nuevas, !mismoOrden);
    }
}

/// <summary>A page's live list (ListaEstable): what is on screen, and what waits for the reader's "mostrar".</summary>
public sealed class ListaEnVivo<T>(Func<T, string> clave)
{
    public IReadOnlyList<T>? Filas { get; private set; }

    public IReadOnlyList<T>? EnEspera { get; private set; }

    public int Nuevas { get; private set; }

    /// <summary>Whether what is on screen came from a live change (its count is then not announced on its own).</summary>
    public bool CambioEnVivo { get; private set; }

    /// <summary>Rows that arrived live and were shown at the reader's request, to mark them as new.</summary>
    public IReadOnlySet<string> RecienLlegadas { get; private set; } = new HashSet<string>();

    /// <summary>What the reader asked for (a filter, a page): shown as it is.</summary>
    public void Mostrar(IReadOnlyList<T> filas)
    {
        (Filas, EnEspera, Nuevas, CambioEnVivo) = (filas, null, 0, false);
    }

    /// <summary>A live change: returns whether something now waits for the reader.</summary>
    public bool Recibir(IReadOnlyList<T> actuales)
    {
        var fusion = ListaEstable.Fusionar(Filas, actuales, clave);
        (Filas, EnEspera, Nuevas, CambioEnVivo) = (fusion.Visibles, fusion.Pendiente ? actuales : null, fusion.Nuevas, true);
        return fusion.Pendiente;
    }

    public void MostrarEnEspera()
    {
        if (EnEspera is not { } espera || Filas is null) return;
        var vistas = Filas.Select(clave).ToHashSet();
        RecienLlegadas = espera.Select(clave).Where(k => !vistas.Contains(k)).ToHashSet();
        Mostrar(espera);
    }
}
