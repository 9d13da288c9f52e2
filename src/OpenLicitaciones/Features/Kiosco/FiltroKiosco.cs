using OpenLicitaciones.Features.Banco;

namespace OpenLicitaciones.Features.Kiosco;

/// <summary>
/// What a visitor chose on the explore screen, without typing: a product family, a month, "solo para pequeñas empresas"
/// (the Banco's accessible modalities) and "alimentos" (the shared food rule). Every choice narrows the list.
/// </summary>
public sealed record FiltroKiosco(string? Familia = null, int? Mes = null, bool SoloPequenas = false, bool Alimentos = false)
{
    public static readonly FiltroKiosco Ninguno = new();

    public bool Vacio => this == Ninguno;

    /// <summary>The same choices as a Banco filter: the kiosk and the Banco find the same lines.</summary>
    public BancoFilter Banco => new() { Familia = Familia, MesDesde = Mes, MesHasta = Mes, Accesible = SoloPequenas, Pae = Alimentos };

    /// <summary>Choosing the chosen family again clears it.</summary>
    public FiltroKiosco ConFamilia(string familia) => this with { Familia = Familia == familia ? null : familia };

    /// <summary>Choosing the chosen month again clears it.</summary>
    public FiltroKiosco ConMes(int mes) => this with { Mes = Mes == mes ? null : mes };

    /// <summary>The purchases still to come (<see cref="KioscoSeleccion.Vigente"/>) that match, open calls first (<see cref="KioscoSeleccion.Ordenar"/>).</summary>
    public IReadOnlyList<OportunidadActual> Aplicar(IEnumerable<Oportunidad> todas, DateTime ahora) =>
        KioscoSeleccion.Ordenar(BancoQuery.Apply(todas, Banco, ahora).Where(r => KioscoSeleccion.Vigente(r, ahora)));
}
