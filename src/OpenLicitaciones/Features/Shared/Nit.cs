namespace OpenLicitaciones.Features.Shared;

/// <summary>Colombian NIT handling (DIAN mod-11 check digit).</summary>
public static class Nit
{
    private static readonly int[] Weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

    /// <summary>The DIAN check digit of a NIT given without it.</summary>
    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
            sum += (digits[digits.Length - 1 - i] - '0') * Weights[i];
        var r = sum % 11;
        return r is 0 or 1 ? r : 11 - r;
    }

    /// <summary>
    /// Digits only, without the check digit. A trailing digit is stripped only from a 10-digit number that
    /// starts with 8 or 9 (company NITs) and whose last digit is the check digit of the first nine:
    /// cédulas of 10 digits must stay as they are. Null when there are no digits.
    /// </summary>
    public static string? Canonical(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return null;
        if (raw.Contains('-'))
        {
            // "891380007-3": the part before the dash is the NIT.
            var head = new string(raw[..raw.IndexOf('-')].Where(char.IsAsciiDigit).ToArray());
            if (head.Length > 0) return head;
        }
        if (digits.Length == 10 && digits[0] is '8' or '9' && CheckDigit(digits[..9]) == digits[9] - '0')
            return digits[..9];
        return digits;
    }

    /// <summary>
    /// The one rule for whose document a number is (CONTRACTS §1): a company NIT only when it has 9 digits starting
    /// with 8 or 9 (after <see cref="Canonical"/> removed a check digit); every other document is a natural person's,
    /// whatever tipodocproveedor says (some persons are typed "NIT").
    /// </summary>
    public static bool IsCompany(string? document) => Canonical(document) is { Length: 9 } nit && nit[0] is '8' or '9';

    /// <summary>The spellings of a NIT that SECOP columns use: plain, and with the check digit glued on.</summary>
    public static IEnumerable<string> Spellings(string nit)
    {
        yield return nit;
        yield return nit + CheckDigit(nit);
    }

    /// <summary>
    /// An organisation's NIT typed by staff with its DIAN check digit ("891380007-3", "891.380.007-3", "8913800073"):
    /// the digit catches a mistyped number. Returns the NIT without check digit, or the reason in Spanish, which never
    /// repeats the number (it may be a person's: CONTRACTS §1).
    /// </summary>
    public static (string? Nit, string? Error) ValidarOrganizacion(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return (null, "Escriba el NIT con su dígito de verificación.");
        var limpio = texto.Trim();
        if (limpio.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ' ' or '-')))
            return (null, "Escriba solo números; puede separarlos con puntos y poner un guion antes del dígito de verificación.");
        var partes = limpio.Split('-');
        if (partes.Length > 2) return (null, "El NIT lleva un solo guion, antes del dígito de verificación.");
        var digitos = new string(partes[0].Where(char.IsAsciiDigit).ToArray());
        string cuerpo;
        int verificacion;
        if (partes.Length == 2)
        {
            var dv = new string(partes[1].Where(char.IsAsciiDigit).ToArray());
            if (dv.Length != 1) return (null, "Después del guion va un solo dígito: el de verificación.");
            (cuerpo, verificacion) = (digitos, dv[0] - '0');
        }
        else if (digitos.Length == 10) (cuerpo, verificacion) = (digitos[..9], digitos[9] - '0');
        else if (digitos.Length == 9 && IsCompany(digitos))
            return (null, "Falta el dígito de verificación: escríbalo al final, después de un guion (p. ej. 891380007-3).");
        else return (null, NoEsOrganizacion);
        if (cuerpo.Length != 9 || !IsCompany(cuerpo)) return (null, NoEsOrganizacion);
        if (CheckDigit(cuerpo) != verificacion)
            return (null, "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.");
        return (cuerpo, null);
    }

    public const string NoEsOrganizacion =
        "No es el NIT de una organización (9 dígitos que empiezan por 8 o 9, más el dígito de verificación). No registre números de personas naturales.";
}
