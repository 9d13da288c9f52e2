namespace OpenLicitaciones.Features.Productores;

/// <summary>Something placed on the map, e.g. a producer organisation. Every marker has the same size on screen.</summary>
/// <param name="Color">A CSS colour; the marker's dark outline keeps it visible on any background.</param>
/// <param name="Descripcion">Read after the name by screen readers and shown on hover, e.g. its products.</param>
public sealed record MarcadorMapa(string Id, string Nombre, double Latitud, double Longitud, string Color, string Descripcion);

/// <summary>One line of the map's legend: a marker colour and what it means.</summary>
public sealed record EntradaLeyenda(string Color, string Etiqueta);

/// <summary>A point the user marked on the map, WGS84.</summary>
public sealed record PuntoMapa(double Latitud, double Longitud);
