using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

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
        Assert.Equal(expected, SupplierIdentity.Key(document, codigo));

    // CONTRACTS §1: a company NIT only when 9 digits starting with 8 or 9 (a 10-digit one once its check digit is removed).
    [Theory]
    [InlineData("901623692", true)]
    [InlineData("891380007", true)]
    [InlineData("9016236929", true)] // 901623692 with its check digit 9
    [InlineData("891380007-3", true)]
    [InlineData("901.623.692", true)]
    [InlineData("9123456780", false)] // 10 digits starting with 9, but 0 is not the check digit of 912345678 (it is 2): a cédula
    [InlineData("1144055123", false)] // 10-digit cédula
    [InlineData("52345678", false)] // 8-digit cédula, even when SECOP types it "NIT"
    [InlineData("731205", false)] // 6-digit cédula
    [InlineData("701623692", false)] // 9 digits not starting with 8 or 9
    [InlineData("90162369", false)] // 8 digits starting with 9
    [InlineData("AB123456", false)] // a passport
    [InlineData(null, false)]
    [InlineData("No Definido", false)]
    public void A_document_is_a_company_nit_only_by_its_shape(string? document, bool company) =>
        Assert.Equal(company, Nit.IsCompany(document));

    // The HMAC values were computed once outside the code under test:
    //   echo -n 1144055123 | openssl dgst -sha256 -hmac secreto-de-prueba  → 4aae4b5f39ba3182…
    //   echo -n 52345678   | openssl dgst -sha256 -hmac secreto-de-prueba  → 1d5103ed6bd0fe74…
    [Theory]
    [InlineData("901623692", "718861537", "901623692")] // a company keeps its NIT
    [InlineData("c-718861537", "718861537", "c-718861537")] // no usable document
    [InlineData("1144055123", "718861537", "p-718861537")] // a person with a SECOP code
    [InlineData("1144055123", "718861537;718861540;99", "p-99")] // several codes: the lowest, whatever the order
    [InlineData("1144055123", "", "p-4aae4b5f39ba3182")] // no code: HMAC of the document
    [InlineData("52345678", "No Definido", "p-1d5103ed6bd0fe74")]
    public void A_person_gets_an_opaque_stable_id(string key, string codigos, string expected) =>
        Assert.Equal(expected, SupplierIdentity.PublicId(key, codigos.Split(';', StringSplitOptions.RemoveEmptyEntries), "secreto-de-prueba"));

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
    [InlineData("Cédula de Ciudadanía", false, "SOLUCIONES SAS", "901623692", TipoProveedor.PersonaJuridica)] // the shape wins over the type
    [InlineData("NIT", false, "PEDRO PÉREZ", "52345678", TipoProveedor.PersonaNatural)] // a person typed "NIT"
    [InlineData("No Definido", false, "SOLUCIONES SAS", "901623692", TipoProveedor.PersonaJuridica)] // shape of a company NIT
    [InlineData("No Definido", true, "X", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "UNIÓN TEMPORAL VÍAS 2024", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "Consorcio Palmira", null, TipoProveedor.ConsorcioOUnion)]
    [InlineData(null, null, "Fulano", null, TipoProveedor.SinDato)]
    public void Supplier_type_reads_the_document_group_flag_and_name(string? tipo, bool? grupo, string nombre, string? nit, TipoProveedor expected) =>
        Assert.Equal(expected, SupplierIdentity.Tipo(tipo, grupo, nombre, nit));
}
