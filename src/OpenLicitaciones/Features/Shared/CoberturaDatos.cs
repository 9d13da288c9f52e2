namespace OpenLicitaciones.Features.Shared;

/// <summary>How much of a figure's base is known (CONTRACTS §7), in count and in pesos: shown beside every share.</summary>
public sealed record CoberturaDatos(int Conocidos, int Todos, long ValorConocido, long ValorTotal)
{
    public double? PorConteo => Todos == 0 ? null : (double)Conocidos / Todos;
    public double? PorValor => ValorTotal == 0 ? null : (double)ValorConocido / ValorTotal;

    /// <summary>A known base under 30 % of its period is shown greyed as "cobertura baja".</summary>
    public bool Baja => PorConteo < 0.3;
}
