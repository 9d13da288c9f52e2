using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>`users add|list|disable`: how the first admin is created, with the password read from standard input and never shown.</summary>
public sealed class UsuariosCommandTests : IDisposable
{
    private readonly TestDb _db = new();

    private async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { UsuariosCommand.Create(new StringReader(input)) };
        var code = await Cli.InvokeAsync(root, ["users", .. args, "--database", _db.Path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Users_add_creates_an_admin_from_the_password_on_standard_input_without_writing_it_anywhere()
    {
        var (code, output, error) = await RunAsync(StaffSession.Password + "\n", "add", "--email", "admin@palmira.gov.co", "--role", "admin", "--name", "Ana Pérez");

        Assert.True(code == 0, error);
        Assert.Contains("Cuenta creada: admin@palmira.gov.co (admin).", output);
        Assert.Contains("deberá activar el segundo factor", output);
        Assert.DoesNotContain(StaffSession.Password, output + error);
        await using var db = _db.CreateDbContext();
        var user = await db.Users.SingleAsync();
        Assert.Equal(("admin@palmira.gov.co", "Ana Pérez", false), (user.Email, user.Nombre, user.TwoFactorEnabled));
        Assert.NotEqual(StaffSession.Password, user.PasswordHash);
        Assert.Equal(["admin"], await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync());
        var audit = await db.Auditoria.SingleAsync();
        Assert.Equal(("línea de comandos", "crear", "usuario"), (audit.Usuario, audit.Accion, audit.Entidad));
        Assert.DoesNotContain(StaffSession.Password, audit.Despues);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_identitys_reasons_in_spanish_and_no_account()
    {
        var (code, _, error) = await RunAsync("corta\n", "add", "--email", "admin@palmira.gov.co", "--role", "admin");

        Assert.Equal(1, code);
        Assert.Contains("La contraseña debe tener al menos 12 caracteres.", error);
        Assert.DoesNotContain("corta", error.Replace("La contraseña", "", StringComparison.Ordinal));
        await using var db = _db.CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Theory]
    [InlineData("--role", "jefe", "--role debe ser admin o editor, no 'jefe'")]
    [InlineData("--email", "", "falta --email")]
    public async Task Bad_arguments_exit_with_2_and_say_why(string option, string value, string message)
    {
        string[] args = option == "--role" ? ["add", "--email", "a@b.co", "--role", value] : ["add", "--role", "admin"];

        var (code, _, error) = await RunAsync("", args);

        Assert.Equal(Cli.BadArguments, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Users_list_shows_each_account_and_disable_ends_its_sessions()
    {
        await RunAsync(StaffSession.Password + "\n", "add", "--email", "admin@palmira.gov.co", "--role", "admin");
        await RunAsync(StaffSession.Password + "\n", "add", "--email", "editora@palmira.gov.co", "--role", "editor");
        string stampBefore;
        await using (var db = _db.CreateDbContext()) stampBefore = (await db.Users.SingleAsync(u => u.Email == "editora@palmira.gov.co")).SecurityStamp!;

        var disabled = await RunAsync("", "disable", "--email", "editora@palmira.gov.co");
        var (_, list, _) = await RunAsync("", "list");

        Assert.Equal(0, disabled.Code);
        Assert.Contains("admin@palmira.gov.co\tadmin\tactiva\tsegundo factor: no", list);
        Assert.Contains("editora@palmira.gov.co\teditor\tdeshabilitada\tsegundo factor: no", list);
        await using var check = _db.CreateDbContext();
        var editora = await check.Users.SingleAsync(u => u.Email == "editora@palmira.gov.co");
        Assert.True(editora.Deshabilitado);
        Assert.NotEqual(stampBefore, editora.SecurityStamp); // open sessions fail their next check
    }

    [Fact]
    public async Task Users_reset_gives_back_a_locked_account_with_a_new_password_and_the_second_factor_to_enrol_again()
    {
        await RunAsync(StaffSession.Password + "\n", "add", "--email", "admin@palmira.gov.co", "--role", "admin");
        await using (var db = _db.CreateDbContext())
        {
            var user = await db.Users.SingleAsync();
            (user.TwoFactorEnabled, user.LockoutEnd, user.AccessFailedCount) = (true, DateTimeOffset.UtcNow.AddMinutes(15), 5);
            await db.SaveChangesAsync();
        }

        var (code, output, error) = await RunAsync("Otra-Clave-Segura-2027\n", "reset", "--email", "admin@palmira.gov.co");

        Assert.True(code == 0, error);
        Assert.Contains("Cuenta restablecida: admin@palmira.gov.co.", output);
        Assert.DoesNotContain("Otra-Clave-Segura-2027", output + error);
        await using var check = _db.CreateDbContext();
        var reset = await check.Users.SingleAsync();
        Assert.Equal((false, null, 0, false), (reset.TwoFactorEnabled, reset.LockoutEnd, reset.AccessFailedCount, reset.Deshabilitado));
        var hasher = new PasswordHasher<UsuarioStaff>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(reset, reset.PasswordHash!, "Otra-Clave-Segura-2027"));
    }

    public void Dispose() => _db.Dispose();
}
