using System.Security.Cryptography;

namespace OpenLicitaciones.Tests.Support;

/// <summary>RFC 6238 codes as an authenticator app computes them from the shared key (base32, 30-second steps, 6 digits).</summary>
public static class Totp
{
    public static string Codigo(string claveBase32, DateTimeOffset cuando)
    {
        var clave = Base32(claveBase32);
        var paso = cuando.ToUnixTimeSeconds() / 30;
        Span<byte> contador = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(contador, paso);
        var hash = HMACSHA1.HashData(clave, contador);
        var offset = hash[^1] & 0x0F;
        var binario = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binario % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string texto)
    {
        const string Alfabeto = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var limpio = texto.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in limpio)
        {
            buffer = (buffer << 5) | Alfabeto.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
