using OpenLicitaciones.Features.Proveedores;

namespace OpenLicitaciones.Tests.Proveedores;

public sealed class SupplierIdentityTests
{
    [Theory]
    [InlineData("901623692", "718861537", "901623692")]
    [InlineData("9016236929", "718861537", "901623692")] // check digit glued on: DV of 901623692 is 9 (Σ = 772, 772 mod 11 = 2, 11 − 2)
    [InlineData("9016236924", "718861537", "9016236924")] // a last digit that is not the DV stays: never merge on a guess
    [InlineData("901.623.692-9", null, "901623692")]
    [InlineData("1144055123", null, "1144055123")] // a cédula keeps every digit
    [InlineData("No Definido", "718861537", "c-718861537")] // consortium without NIT
    [InlineData(null, "718861537", "c-718861537")]
    [InlineData("No Definido", "No Definido", null)]
    public void One_identity_per_tax_id(string? document, string? codigo, string? expected) =>
        Assert.Equal(expected, SupplierIdentity.Id(document, codigo));

    [Theory]
    [InlineData("SOLUCIONES M Y T SAS", "soluciones m y t sas")]
    [InlineData("Soluciones M y T S.A.S.", "soluciones m y t sas")]
    [InlineData("SOLUCIONES  M Y T  S. A. S", "soluciones m y t sas")]
    [InlineData("Construcciones Ñandú Ltda.", "construcciones nandu ltda")]
    [InlineData("ASOPHUEPA (demo)", "asophuepa (demo)")]
    [InlineData("Café del Valle S.A.", "cafe del valle sa")]
    public void Names_fold_for_grouping(string name, string expected) => Assert.Equal(expected, SupplierIdentity.NormalizeName(name));

    [Theory]
    [InlineData("Cédula de Ciudadanía", false, "MARÍA GÓMEZ", "1144055123", TipoProveedor.PersonaNatural)]
    [InlineData("NIT", false, "SOLUCIONES SAS", "901623692", TipoProveedor.PersonaJuridica)]
    [InlineData("Cédula de Ciudadanía", false, "SOLUCIONES SAS", "901623692", TipoProveedor.PersonaNatural)] // the document type wins over the shape
    [InlineData("No Definido", false, "SOLUCIONES SAS", "901623692", TipoProveedor.PersonaJuridica)] // shape of a company NIT
    [InlineData("No Definido", true, "X", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "UNIÓN TEMPORAL VÍAS 2024", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "Consorcio Palmira", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "Fulano", null, TipoProveedor.SinDato)]
    public void Supplier_type_reads_the_document_group_flag_and_name(string? tipo, bool? grupo, string nombre, string? nit, TipoProveedor expected) =>
        Assert.Equal(expected, SupplierIdentity.Tipo(tipo, grupo, nombre, nit));
}
