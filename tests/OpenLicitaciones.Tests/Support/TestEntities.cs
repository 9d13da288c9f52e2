using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Support;

/// <summary>The entity of the shipped settings, for tests that build the demo data or options by hand.</summary>
public static class TestEntities
{
    public static EntityOptions Palmira => new() { Nit = "891380007", Nombre = "Alcaldía de Palmira", Municipio = "Palmira", Departamento = "Valle del Cauca" };
}
