namespace OpenLicitaciones.Features.Kiosco;

/// <summary>The public touch screen of the Feria de Gobierno Abierto (/kiosco): whether it is in use and how it paces itself.</summary>
public sealed class KioscoOptions
{
    public const string Section = "Kiosco";

    /// <summary>
    /// The installation runs a kiosk: its QR codes must then point at the public site, so Site:PublicBaseUrl is required.
    /// Off, /kiosco still opens (for testing) and says its QR codes are unavailable.
    /// </summary>
    public bool Habilitado { get; set; }

    /// <summary>How long each slide of the attract loop stays on screen.</summary>
    public int SegundosPorDiapositiva { get; set; } = 10;

    /// <summary>Seconds without a touch after which the kiosk forgets every choice and goes back to the attract loop.</summary>
    public int SegundosInactividad { get; set; } = 90;
}
