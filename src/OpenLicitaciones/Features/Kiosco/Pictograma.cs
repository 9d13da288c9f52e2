namespace OpenLicitaciones.Features.Kiosco;

/// <summary>The simple drawing beside a product family on the kiosk, so a choice reads before its words do.</summary>
public enum Pictograma { Alimentos, Aseo, Papeleria, Computo, Construccion, Transporte, Salud, Ropa, Muebles, Agro, Servicios, Otros }

public static class Pictogramas
{
    /// <summary>The drawing of a UNSPSC family (4 digits or more), by its segment; a few families stand apart from theirs.</summary>
    public static Pictograma De(string familia)
    {
        if (familia.StartsWith("9010", StringComparison.Ordinal)) return Pictograma.Alimentos; // restaurants and catering
        if (familia.StartsWith("8111", StringComparison.Ordinal)) return Pictograma.Computo;   // computer services
        return (familia.Length >= 2 ? familia[..2] : familia) switch
        {
            "50" => Pictograma.Alimentos,
            "47" or "76" => Pictograma.Aseo,
            "14" or "44" or "55" or "82" => Pictograma.Papeleria,
            "43" or "45" or "32" => Pictograma.Computo,
            "22" or "27" or "30" or "31" or "39" or "40" or "72" or "95" => Pictograma.Construccion,
            "15" or "25" or "78" => Pictograma.Transporte,
            "41" or "42" or "51" or "85" => Pictograma.Salud,
            "53" => Pictograma.Ropa,
            "56" => Pictograma.Muebles,
            "10" or "11" or "21" or "70" or "77" => Pictograma.Agro,
            "80" or "81" or "83" or "84" or "86" or "90" or "91" or "92" or "93" or "94" => Pictograma.Servicios,
            _ => Pictograma.Otros,
        };
    }
}
