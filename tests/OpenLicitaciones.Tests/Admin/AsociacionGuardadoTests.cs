using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

public sealed class AsociacionGuardadoTestsOnSqlite() : AsociacionGuardadoTests(DatabaseProvider.Sqlite);

public sealed class AsociacionGuardadoTestsOnPostgresql() : AsociacionGuardadoTests(DatabaseProvider.Postgresql);

/// <summary>
/// Saving associations on a real database: the change and its audit entry together, and optimistic concurrency — a save
/// based on a version someone else has since saved is refused and overwrites nothing.
/// </summary>
public abstract class AsociacionGuardadoTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Editora = new("id-1", "editora@palmira.gov.co", false);
    private static readonly Actor Otro = new("id-2", "otro@palmira.gov.co", false);
    private static readonly DateTime Ahora = new(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc);
    private readonly TestDb _db = new(provider);

    public async Task InitializeAsync()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    private static AsociacionDatos Datos(string nombre) => AsociacionValidacionTests.Base() with
    {
        Nombre = nombre,
        Nit = "900123456-8",
        Productos = [new ProductoDatos("Tomate", "5040", 2, "toneladas", "mes"), new ProductoDatos("Huevo", "5013", 9000, "huevos", "semana")],
        Latitud = 3.612497722, Longitud = -76.38613913, Lugar = "Rozo",
        RepresentanteMujer = true, PorcentajeMujeres = 60, Zona = EnfoqueDiferencial.Rural, IncluyeVictimas = false, GruposEtnicos = ["afrocolombiana"],
    };

    private async Task<ResultadoGuardado> GuardarAsync(Actor actor, int? id, AsociacionDatos datos, Guid version, DateTime? cuando = null,
        IInterceptor? interceptor = null)
    {
        await using var db = _db.Settings.CreateDbContext(interceptor is null ? null : o => o.AddInterceptors(interceptor));
        return await AsociacionGuardado.GuardarAsync(db, actor, id, datos, version, AsociacionValidacionTests.Reglas, cuando ?? Ahora);
    }

    private async Task<AsociacionCargada> CargarAsync(int id)
    {
        await using var db = _db.CreateDbContext();
        return (await AsociacionGuardado.CargarAsync(db, id))!;
    }

    [Fact]
    public async Task Creating_stores_the_association_its_products_and_one_audit_entry_naming_its_id()
    {
        var resultado = await GuardarAsync(Editora, null, Datos("Asociación <script>alert(1)</script>"), Guid.Empty);

        Assert.Equal(EstadoGuardado.Guardada, resultado.Estado);
        await using var db = _db.CreateDbContext();
        var a = await db.Asociaciones.Include(x => x.Productos).SingleAsync();
        Assert.Equal(resultado.Id, a.Id);
        Assert.Equal(("Asociación <script>alert(1)</script>", "900123456", Asociacion.Secretaria), (a.Nombre, a.Nit, a.Origen));
        Assert.Equal((3.612497722, -76.38613913, "Rozo"), (a.Latitud!.Value, a.Longitud!.Value, a.Lugar));
        Assert.Equal((true, 0.6, "rural", false, "afrocolombiana"), (a.RepresentanteMujer, a.ProporcionMujeres, a.Zona, a.IncluyeVictimas, a.GruposEtnicos));
        Assert.Equal(("editora@palmira.gov.co", Ahora), (a.ActualizadaPor, a.ActualizadaEn));
        Assert.NotEqual(Guid.Empty, a.Version);
        Assert.Equal(["Tomate", "Huevo"], a.Productos.OrderBy(p => p.Id).Select(p => p.Producto));
        var entrada = await db.Auditoria.SingleAsync();
        Assert.Equal(("editora@palmira.gov.co", "crear", Auditoria.Asociacion, a.Id.ToString()), (entrada.Usuario, entrada.Accion, entrada.Entidad, entrada.Clave));
        Assert.Null(entrada.Antes);
        using var despues = JsonDocument.Parse(entrada.Despues!);
        Assert.Equal("Asociación <script>alert(1)</script>", despues.RootElement.GetProperty("nombre").GetString());
        Assert.Equal(2, despues.RootElement.GetProperty("productos").GetArrayLength());
    }

    [Fact]
    public async Task Editing_writes_the_change_a_new_version_and_an_entry_with_the_old_and_new_values()
    {
        var id = (await GuardarAsync(Editora, null, Datos("Asomujer"), Guid.Empty)).Id!.Value;
        var cargada = await CargarAsync(id);
        Assert.Equal("900123456-8", cargada.Datos.Nit); // shown with its check digit again
        Assert.Equal(60, cargada.Datos.PorcentajeMujeres);

        var resultado = await GuardarAsync(Otro, id, cargada.Datos with { Nombre = "Asomujer Rozo", Productos = [cargada.Datos.Productos[1]] },
            cargada.Version, Ahora.AddHours(1));

        Assert.Equal(EstadoGuardado.Guardada, resultado.Estado);
        await using var db = _db.CreateDbContext();
        var a = await db.Asociaciones.Include(x => x.Productos).SingleAsync();
        Assert.Equal(("Asomujer Rozo", "otro@palmira.gov.co", Ahora.AddHours(1)), (a.Nombre, a.ActualizadaPor, a.ActualizadaEn));
        Assert.NotEqual(cargada.Version, a.Version);
        Assert.Equal("Huevo", Assert.Single(a.Productos).Producto);
        Assert.Equal(1, await db.ProductosAsociacion.CountAsync());
        var edicion = await db.Auditoria.OrderBy(c => c.Id).LastAsync();
        Assert.Equal(("otro@palmira.gov.co", "editar", id.ToString()), (edicion.Usuario, edicion.Accion, edicion.Clave));
        using var antes = JsonDocument.Parse(edicion.Antes!);
        using var despues = JsonDocument.Parse(edicion.Despues!);
        Assert.Equal("Asomujer", antes.RootElement.GetProperty("nombre").GetString());
        Assert.Equal("Asomujer Rozo", despues.RootElement.GetProperty("nombre").GetString());
    }

    [Fact]
    public async Task Of_two_edits_loaded_together_the_second_save_is_refused_and_the_firsts_values_stay()
    {
        var id = (await GuardarAsync(Editora, null, Datos("Asomujer"), Guid.Empty)).Id!.Value;
        var primera = await CargarAsync(id);
        var segunda = await CargarAsync(id);

        var r1 = await GuardarAsync(Editora, id, primera.Datos with { Nombre = "Primera versión", PorcentajeMujeres = 70 }, primera.Version);
        var r2 = await GuardarAsync(Otro, id, segunda.Datos with { Nombre = "Segunda versión", Productos = [] }, segunda.Version);

        Assert.Equal((EstadoGuardado.Guardada, EstadoGuardado.CambiadaPorOtro), (r1.Estado, r2.Estado));
        await using var db = _db.CreateDbContext();
        var a = await db.Asociaciones.Include(x => x.Productos).SingleAsync();
        Assert.Equal(("Primera versión", 0.7, "editora@palmira.gov.co"), (a.Nombre, a.ProporcionMujeres, a.ActualizadaPor));
        Assert.Equal(2, a.Productos.Count);
        Assert.Equal(["crear", "editar"], await db.Auditoria.OrderBy(c => c.Id).Select(c => c.Accion).ToListAsync());
    }

    [Fact]
    public async Task A_save_that_races_another_between_its_read_and_its_write_is_refused_by_the_version_in_the_update()
    {
        var id = (await GuardarAsync(Editora, null, Datos("Asomujer"), Guid.Empty)).Id!.Value;
        var cargada = await CargarAsync(id);
        var otraVersion = Guid.NewGuid();
        // Another editor's save lands after this save read the row (so the early check passes) and before it writes.
        var carrera = new Carrera(async () =>
        {
            await using var otro = _db.CreateDbContext();
            await otro.Asociaciones.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Nombre, "De la otra persona").SetProperty(a => a.Version, otraVersion));
        });

        var resultado = await GuardarAsync(Otro, id, cargada.Datos with { Nombre = "Pisaría la otra" }, cargada.Version, interceptor: carrera);

        Assert.True(carrera.Corrio);
        Assert.Equal(EstadoGuardado.CambiadaPorOtro, resultado.Estado);
        await using var db = _db.CreateDbContext();
        var a = await db.Asociaciones.SingleAsync();
        Assert.Equal(("De la otra persona", otraVersion), (a.Nombre, a.Version));
        Assert.Equal(["crear"], await db.Auditoria.Select(c => c.Accion).ToListAsync());
    }

    [Fact]
    public async Task Invalid_input_writes_nothing_and_says_where_the_problem_is()
    {
        var resultado = await GuardarAsync(Editora, null, Datos("Asomujer") with { Nit = "79123456", Latitud = 3.414414, Longitud = -76.521565 }, Guid.Empty);

        Assert.Equal(EstadoGuardado.Invalida, resultado.Estado);
        Assert.Equal([CamposAsociacion.Nit, CamposAsociacion.Ubicacion], resultado.Errores.Select(e => e.Campo));
        await using var db = _db.CreateDbContext();
        Assert.Equal((0, 0), (await db.Asociaciones.CountAsync(), await db.Auditoria.CountAsync()));
    }

    [Fact]
    public async Task A_nit_already_in_the_registry_is_refused_on_the_nit_field()
    {
        await GuardarAsync(Editora, null, Datos("Asomujer"), Guid.Empty);

        var resultado = await GuardarAsync(Editora, null, Datos("Otra asociación"), Guid.Empty);

        Assert.Equal(EstadoGuardado.Invalida, resultado.Estado);
        Assert.Equal(new ErrorCampo(CamposAsociacion.Nit, "Este NIT ya es de otra asociación del registro: «Asomujer»."), Assert.Single(resultado.Errores));
    }

    [Fact]
    public async Task Deleting_removes_it_with_its_products_and_an_entry_keeps_its_values_but_an_old_version_deletes_nothing()
    {
        var id = (await GuardarAsync(Editora, null, Datos("Asomujer"), Guid.Empty)).Id!.Value;
        var vieja = await CargarAsync(id);
        await GuardarAsync(Editora, id, vieja.Datos with { Nombre = "Asomujer 2" }, vieja.Version);

        await using (var db = _db.CreateDbContext())
            Assert.Equal(EstadoGuardado.CambiadaPorOtro, (await AsociacionGuardado.EliminarAsync(db, Otro, id, vieja.Version, Ahora)).Estado);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal("Asomujer 2", (await db.Asociaciones.SingleAsync()).Nombre);
            Assert.Equal(2, await db.ProductosAsociacion.CountAsync()); // the products' deletes were rolled back with it
            Assert.Equal(["crear", "editar"], await db.Auditoria.OrderBy(c => c.Id).Select(c => c.Accion).ToListAsync());
        }

        var actual = await CargarAsync(id);
        await using (var db = _db.CreateDbContext())
            Assert.Equal(EstadoGuardado.Guardada, (await AsociacionGuardado.EliminarAsync(db, Otro, id, actual.Version, Ahora)).Estado);

        await using var check = _db.CreateDbContext();
        Assert.Equal((0, 0), (await check.Asociaciones.CountAsync(), await check.ProductosAsociacion.CountAsync()));
        var entrada = await check.Auditoria.OrderBy(c => c.Id).LastAsync();
        Assert.Equal(("otro@palmira.gov.co", "eliminar", id.ToString()), (entrada.Usuario, entrada.Accion, entrada.Clave));
        Assert.Null(entrada.Despues);
        Assert.Contains("Asomujer 2", entrada.Antes);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="antes"/> once, just before the intercepted context writes its changes.</summary>
    private sealed class Carrera(Func<Task> antes) : SaveChangesInterceptor
    {
        public bool Corrio { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Corrio)
            {
                Corrio = true;
                await antes();
            }
            return result;
        }
    }
}
