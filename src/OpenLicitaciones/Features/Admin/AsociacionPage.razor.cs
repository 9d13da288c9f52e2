using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Admin;

/// <summary>
/// Creates or edits one producer association. What the staff member typed stays in the form through failed checks and
/// refused saves; the user is re-checked before every save; a save based on a version someone else has since changed is
/// refused (optimistic concurrency) and offers to reload.
/// </summary>
public sealed partial class AsociacionPage
{
    private static readonly CultureInfo Colombia = CultureInfo.GetCultureInfo("es-CO");
    private static readonly IReadOnlyList<string> Unidades = Capacidad.UnidadesAceptadas.Split(", ");
    private static readonly IReadOnlyList<string> Periodos = Capacidad.PeriodosAceptados.Split(", ");

    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = null!;
    [Inject] private PersonalActual Personal { get; set; } = null!;
    [Inject] private Geografia Geografia { get; set; } = null!;
    [Inject] private UnspscFamilias NombresFamilias { get; set; } = null!;
    [Inject] private RegistroProductores Registro { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IDialogService Dialogos { get; set; } = null!;

    /// <summary>The association's id; null on /admin/asociaciones/nueva.</summary>
    [Parameter] public int? Id { get; set; }

    private ReglasAsociacion _reglas = null!;
    private IReadOnlyList<OpcionLista> _familias = [];
    private IReadOnlyDictionary<string, string> _familiaPorProducto = new Dictionary<string, string>();
    private AsociacionFormulario? _form;
    private AsociacionCargada? _cargada;
    private int? _idCargado;
    private bool _noExiste;
    private List<ErrorCampo> _errores = [];
    private bool _conflicto;
    private string? _sinPermiso;
    private string? _guardado;
    private bool _guardando;
    private bool _recienCreada;

    private string Titulo => Id is null ? "Nueva asociación" : "Editar asociación";

    protected override void OnInitialized()
    {
        _reglas = ReglasAsociacion.De(Geografia, NombresFamilias);
        _familias = ReglasAsociacion.FamiliasAlimentos(NombresFamilias);
        _familiaPorProducto = Registro.Familias();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_form is not null && Id == _idCargado) return;
        _idCargado = Id;
        LimpiarAvisos();
        if (Id is null)
        {
            (_form, _cargada) = (new AsociacionFormulario(), null);
            return;
        }
        await CargarAsync(Id.Value);
        if (_recienCreada && _form is not null) _guardado = "Asociación creada. El mapa público de Capacidad productiva ya la muestra.";
        _recienCreada = false;
    }

    private async Task CargarAsync(int id)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _cargada = await AsociacionGuardado.CargarAsync(db, id);
        _noExiste = _cargada is null;
        _form = _cargada is null ? null : AsociacionFormulario.De(_cargada.Datos, Geografia);
    }

    private async Task RecargarAsync()
    {
        if (Id is not { } id) return;
        LimpiarAvisos();
        await CargarAsync(id);
    }

    private async Task GuardarAsync()
    {
        if (_form is null || _guardando) return;
        LimpiarAvisos();
        // Checked first, without the database: invalid input never gets further.
        var datos = _form.Datos();
        _errores = [.. AsociacionValidacion.Validar(datos, _reglas)];
        if (_errores.Count > 0)
        {
            FalloAlGuardar();
            return;
        }
        _guardando = true;
        try
        {
            var actor = await Personal.ExigirAsync();
            await using var db = await DbFactory.CreateDbContextAsync();
            var resultado = await AsociacionGuardado.GuardarAsync(db, actor, Id, datos, _cargada?.Version ?? Guid.Empty, _reglas, Time.GetUtcNow().UtcDateTime);
            switch (resultado.Estado)
            {
                case EstadoGuardado.Invalida:
                    _errores = [.. resultado.Errores];
                    FalloAlGuardar();
                    break;
                case EstadoGuardado.CambiadaPorOtro:
                    _conflicto = true;
                    break;
                case EstadoGuardado.Guardada when Id is null:
                    _recienCreada = true;
                    Navigation.NavigateTo($"/admin/asociaciones/{resultado.Id}");
                    break;
                default:
                    await CargarAsync(resultado.Id!.Value);
                    _guardado = "Cambios guardados. El mapa público de Capacidad productiva ya los muestra.";
                    break;
            }
        }
        catch (SinPermisoException e)
        {
            _sinPermiso = e.Message;
        }
        finally
        {
            _guardando = false;
        }
    }

    private async Task EliminarAsync()
    {
        if (_form is null || _cargada is null || _guardando) return;
        LimpiarAvisos();
        var confirmar = await Dialogos.ShowMessageBoxAsync("Eliminar asociación",
            $"¿Eliminar «{_cargada.Datos.Nombre}» y sus productos del registro? Dejará de verse en el mapa público. El registro de auditoría conserva sus datos.",
            yesText: "Eliminar", cancelText: "Cancelar");
        if (confirmar != true) return;
        _guardando = true;
        try
        {
            var actor = await Personal.ExigirAsync();
            await using var db = await DbFactory.CreateDbContextAsync();
            var resultado = await AsociacionGuardado.EliminarAsync(db, actor, _cargada.Id, _cargada.Version, Time.GetUtcNow().UtcDateTime);
            if (resultado.Estado == EstadoGuardado.CambiadaPorOtro) _conflicto = true;
            else Navigation.NavigateTo("/admin/asociaciones");
        }
        catch (SinPermisoException e)
        {
            _sinPermiso = e.Message;
        }
        finally
        {
            _guardando = false;
        }
    }

    private void LimpiarAvisos() => (_errores, _conflicto, _sinPermiso, _guardado, _intentoFallido) = ([], false, null, null, false);

    // The summary above the form speaks of a failed save only: a message shown while typing stays beside its field.
    private bool _intentoFallido, _enfocarResumen;
    private ElementReference _resumen;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_enfocarResumen) return;
        _enfocarResumen = false;
        await _resumen.FocusAsync(); // on a phone the save button is far below: bring the reason into view
    }

    private void FalloAlGuardar()
    {
        _intentoFallido = true;
        _enfocarResumen = true;
    }

    private string? Error(string campo) => _errores.FirstOrDefault(e => e.Campo == campo)?.Mensaje;

    private bool HayError(string campo) => _errores.Any(e => e.Campo == campo);

    /// <summary>Once the staff member changes a field, its old message no longer applies.</summary>
    private void Limpiar(string campo) => _errores.RemoveAll(e => e.Campo == campo);

    /// <summary>The id of a field's message, which its input names in aria-describedby.</summary>
    private static string IdError(string campo) => "error-" + campo.Replace('[', '-').Replace("].", "-").Replace('.', '-');

    private static string Campo(int fila, string campo) => CamposAsociacion.Producto(fila, campo);

    /// <summary>The accepted spellings, plus a stored one the list does not show (e.g. "tonelada"), so it is not lost.</summary>
    private static IEnumerable<string> Opciones(IReadOnlyList<string> aceptadas, string? actual) =>
        actual is { Length: > 0 } && !aceptadas.Contains(actual) ? aceptadas.Prepend(actual) : aceptadas;

    private void AgregarProducto() => _form?.Productos.Add(new ProductoFormulario());

    private void QuitarProducto(int fila)
    {
        if (_form is null || fila >= _form.Productos.Count) return;
        _form.Productos.RemoveAt(fila);
        // Rows below moved up: their messages no longer match their position.
        _errores.RemoveAll(e => e.Campo.StartsWith("productos[", StringComparison.Ordinal));
    }

    private void CambiarProducto(int fila, string? producto)
    {
        if (_form is null || fila >= _form.Productos.Count) return;
        var p = _form.Productos[fila];
        p.Producto = producto;
        Limpiar(Campo(fila, "producto"));
        // The family is inferred from data/productos_unspsc.csv when the product is known there and none was chosen yet.
        if (string.IsNullOrWhiteSpace(p.Familia) && producto is { Length: > 0 } && _familiaPorProducto.TryGetValue(PlainText.Fold(producto), out var familia))
        {
            p.Familia = familia;
            Limpiar(Campo(fila, "familia"));
        }
    }

    private void ElegirLugar(string? codigo)
    {
        _form?.ElegirLugar(Geografia.CentrosPoblados.FirstOrDefault(c => c.Codigo == codigo));
        LimpiarUbicacion();
    }

    private void CambiarCoordenadas(double? latitud, double? longitud)
    {
        _form?.MarcarPunto(latitud, longitud);
        LimpiarUbicacion();
    }

    private void MarcarEnMapa(PuntoMapa punto)
    {
        var (lat, lon) = (Math.Round(punto.Latitud, 6), Math.Round(punto.Longitud, 6));
        _form?.MarcarPunto(lat, lon);
        LimpiarUbicacion();
        // Told at once, not only on saving: the map's box is wider than the municipality.
        if (!Geografia.Contiene(lat, lon))
            _errores.Add(new ErrorCampo(CamposAsociacion.Ubicacion, $"El punto queda fuera de {Geografia.NombreMunicipio}: elija un lugar dentro del municipio."));
    }

    private void QuitarUbicacion()
    {
        _form?.MarcarPunto(null, null);
        LimpiarUbicacion();
    }

    private void LimpiarUbicacion()
    {
        Limpiar(CamposAsociacion.Latitud);
        Limpiar(CamposAsociacion.Longitud);
        Limpiar(CamposAsociacion.Ubicacion);
    }

    private void MarcarGrupo(string codigo, bool marcado)
    {
        if (_form is null) return;
        if (!marcado) _form.GruposEtnicos.Remove(codigo);
        else if (codigo == EnfoqueDiferencial.Ninguno)
        {
            _form.GruposEtnicos.Clear();
            _form.GruposEtnicos.Add(codigo);
        }
        else
        {
            _form.GruposEtnicos.Remove(EnfoqueDiferencial.Ninguno);
            _form.GruposEtnicos.Add(codigo);
        }
        Limpiar(CamposAsociacion.GruposEtnicos);
    }

    private string ResumenUbicacion => _form switch
    {
        { Latitud: { } lat, Longitud: { } lon } f => string.Create(CultureInfo.InvariantCulture,
            $"{(f.Lugar is { } lugar ? lugar + ": " : "Punto marcado: ")}{lat:0.000000}, {lon:0.000000}"),
        _ => "Ubicación por confirmar.",
    };

    private IReadOnlyList<MarcadorMapa> MarcadorUbicacion => _form is { Latitud: { } lat, Longitud: { } lon } f
        ? [new MarcadorMapa("ubicacion", string.IsNullOrWhiteSpace(f.Nombre) ? "Nueva asociación" : f.Nombre, lat, lon, "#1e6b3a", "ubicación elegida")]
        : [];
}
