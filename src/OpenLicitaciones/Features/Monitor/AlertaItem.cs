namespace OpenLicitaciones.Features.Monitor;

/// <summary>A red flag as the API publishes it, with the reminder that it is a reason to review, not proof.</summary>
public sealed record AlertaItem(string Codigo, string Nombre, string Formula, string Umbral, double? Valor, int Cobertura, string Unidad,
    int NoAplica, int Marcados, string Ejemplos, string Aviso)
{
    public static AlertaItem From(Alerta a) => new(a.Codigo, a.Nombre, a.Formula, a.Umbral, a.Valor is { } v ? Math.Round(v, 4) : null, a.Cobertura,
        a.Unidad, a.NoAplica, a.Marcados, string.Join(";", a.Ejemplos), RedFlags.Aviso);
}
