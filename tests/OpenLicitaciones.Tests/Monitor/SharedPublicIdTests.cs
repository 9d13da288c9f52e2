using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>
/// A person's public id is "p-" and their SECOP supplier code, so a code seen with two documents gives two identities
/// one id. At a department's scale that happened (`benchmark consultas`); the snapshot must keep answering.
/// </summary>
public sealed class SharedPublicIdTests
{
    private static ProveedorHistoria Persona(string documento, string nombre) =>
        new("p-700158843", nombre, TipoProveedor.PersonaNatural, documento, null, null,
            [new Participacion("CO1.REQ.1", 2026, true, "minima-cuantia", true, false)], []);

    [Fact]
    public void Two_identities_with_one_public_id_are_both_listed_and_searchable_and_the_profile_shows_the_first()
    {
        var first = Persona("1112223334", "ANA PÉREZ");
        var second = Persona("1112223335", "LUIS GÓMEZ");
        var data = new MonitorSnapshot.Built([first, second], null);

        Assert.Same(first, data.Proveedor("p-700158843"));
        Assert.Equal("ana perez", data.SearchName(first));
        Assert.Equal("luis gomez", data.SearchName(second));
        var filter = MonitorFilter.Parse(new Features.Shared.Listing.QueryReader(name => name == "q" ? "gomez" : null), Modalidades.Load(
            Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv")), 2026);
        Assert.Equal(["LUIS GÓMEZ"], MonitorQuery.Apply(data, filter, 3, []).Select(r => r.Nombre));
    }
}
