using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>Staff changes reach the public views through the same "data changed" notification as a sync (CONTRACTS §6).</summary>
public sealed class CambiosEnVivoTests
{
    private static readonly Actor Editora = new("id", "editora@palmira.gov.co", false);

    [Fact]
    public async Task A_target_saved_by_staff_is_announced_and_the_rebuilt_indicators_carry_it()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        var indicadores = host.Services.GetRequiredService<IndicadoresSnapshot>();
        Assert.Null((await indicadores.GetAsync()).Metas.Meta("g1", 2026));
        var avisos = 0;
        host.Services.GetRequiredService<DataChangedNotifier>().Changed += () => { Interlocked.Increment(ref avisos); return Task.CompletedTask; };

        await using (var context = db.CreateDbContext())
            await MetasPersonal.GuardarAsync(context, Editora, new FormMeta { Codigo = "g1", Anio = 2026, Valor = 35 }, DateTime.UtcNow);

        await EventuallyAsync(async () => (await indicadores.GetAsync()).Metas.Meta("g1", 2026) == 0.35);
        Assert.Equal(0.35, (await indicadores.GetAsync()).Resultado("g1", new Periodo(2026))!.Meta);
        // The views are rebuilt before the pages are told: the announcement follows the rebuild, a moment later.
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref avisos) == 1));
        await Task.Delay(SyncRunWatcher.Interval * 2);
        Assert.Equal(1, Volatile.Read(ref avisos)); // and only once
    }

    [Fact]
    public async Task An_account_change_is_not_a_data_change_and_raises_no_rebuild()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        var avisos = 0;
        host.Services.GetRequiredService<DataChangedNotifier>().Changed += () => { Interlocked.Increment(ref avisos); return Task.CompletedTask; };

        await Task.Delay(SyncRunWatcher.Interval * 2); // the watcher has read the log once
        await using (var context = db.CreateDbContext())
            await Invitaciones.CrearAsync(context, Editora with { EsAdmin = true }, "nueva@palmira.gov.co", DateTime.UtcNow, TimeSpan.FromHours(1));
        await Task.Delay(SyncRunWatcher.Interval * 3);
        Assert.Equal(0, Volatile.Read(ref avisos));

        await using (var context = db.CreateDbContext())
            await MetasPersonal.GuardarAsync(context, Editora, new FormMeta { Codigo = "g2", Anio = 2026, Valor = 20 }, DateTime.UtcNow);

        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref avisos) == 1));
    }

    [Fact]
    public async Task A_disabled_account_or_a_changed_security_stamp_can_no_longer_save()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        await StaffSession.CrearCuentaAsync(host.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
        var personal = new PersonalActual(host.Services.GetRequiredService<IServiceScopeFactory>(), host.Services.GetRequiredService<IOptions<IdentityOptions>>());
        ClaimsPrincipal sesion;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UsuarioStaff>>();
            sesion = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync("editora@palmira.gov.co"))!);
        }
        Assert.Equal("editora@palmira.gov.co", (await personal.ExigirAsync(sesion, Politicas.Personal)).Email);
        var admin = await Assert.ThrowsAsync<SinPermisoException>(() => personal.ExigirAsync(sesion, Politicas.Administracion));
        Assert.Equal("Solo un administrador puede hacer este cambio. No se guardó nada.", admin.Message);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UsuarioStaff>>();
            await CuentasStaff.DeshabilitarAsync(users, (await users.FindByEmailAsync("editora@palmira.gov.co"))!);
        }

        var error = await Assert.ThrowsAsync<SinPermisoException>(() => personal.ExigirAsync(sesion, Politicas.Personal));
        Assert.Equal("Su sesión ya no es válida: vuelva a ingresar. No se guardó nada.", error.Message);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> check)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await check())
        {
            Assert.True(DateTime.UtcNow < deadline, "the change did not arrive within 15 s");
            await Task.Delay(100);
        }
    }
}
