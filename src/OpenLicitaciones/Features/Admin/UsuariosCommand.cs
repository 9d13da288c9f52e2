using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

/// <summary>
/// `OpenLicitaciones users add --email … --role admin|editor [--name …]`, `users list`, `users disable --email …`,
/// `users reset --email …`: the way to create the first admin, and to give back a lost account. The password comes from OPENLICITACIONES_PASSWORD or from standard input (typed
/// without echo at a terminal); it is never written anywhere, logs included.
/// </summary>
public static class UsuariosCommand
{
    public const string PasswordVariable = "OPENLICITACIONES_PASSWORD";

    private static readonly Option<string> Database = Cli.Database();

    /// <param name="entrada">Where a password not given in the environment is read from; standard input when null.</param>
    public static Command Create(TextReader? entrada = null)
    {
        var email = Cli.Text("--email", "correo", "Correo de la persona (su nombre de usuario).");
        var rol = Cli.Text("--role", "admin|editor", "admin (gestiona usuarios, ajustes y sincronización; exige segundo factor) o editor.");
        rol.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !value.StartsWith("--", StringComparison.Ordinal) && !Roles.Todos.Contains(value))
                r.AddError($"--role debe ser admin o editor, no '{value}'");
        });
        var nombre = Cli.Text("--name", "nombre", "Nombre que verá el registro de auditoría; por omisión, el correo.");
        var add = new Command("add", $"Crea una cuenta de personal. La contraseña se lee de {PasswordVariable} o de la entrada estándar.") { email, rol, nombre };
        Cli.Require(add, email);
        Cli.Require(add, rol);
        add.SetAction((p, ct) => ConHostAsync(p, async (services, output) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } env ? env : await LeerPasswordAsync(entrada, output);
            return await AgregarAsync(services, p.GetValue(email)!, p.GetValue(rol)!, p.GetValue(nombre), password, output, ct);
        }, ct));

        var list = new Command("list", "Lista las cuentas de personal con su rol, estado y segundo factor.");
        list.SetAction((p, ct) => ConHostAsync(p, (services, output) => ListarAsync(services, output, ct), ct));

        var emailDisable = Cli.Text("--email", "correo", "Correo de la cuenta que se deshabilita.");
        var disable = new Command("disable", "Deshabilita una cuenta: no puede ingresar y sus sesiones abiertas terminan.") { emailDisable };
        Cli.Require(disable, emailDisable);
        disable.SetAction((p, ct) => ConHostAsync(p, (services, output) => DeshabilitarAsync(services, p.GetValue(emailDisable)!, output, ct), ct));

        var emailReset = Cli.Text("--email", "correo", "Correo de la cuenta que se restablece.");
        var reset = new Command("reset",
            $"Restablece una cuenta perdida: contraseña nueva (de {PasswordVariable} o la entrada estándar), sin segundo factor (se activa de nuevo al ingresar), desbloqueada y habilitada.")
        {
            emailReset,
        };
        Cli.Require(reset, emailReset);
        reset.SetAction((p, ct) => ConHostAsync(p, async (services, output) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } env ? env : await LeerPasswordAsync(entrada, output);
            return await RestablecerAsync(services, p.GetValue(emailReset)!, password, output, ct);
        }, ct));

        return new Command("users", "Cuentas del personal de la Secretaría (área /admin).") { add, list, disable, reset, Database };
    }

    private static async Task<int> ConHostAsync(ParseResult parse, Func<IServiceProvider, TextWriter, Task<int>> run, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
            if (parse.GetValue(Database) is { } path) builder.Configuration.AddInMemoryCollection(Cli.SqliteFile(path));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddData();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddAccesoStaff();
            using var host = builder.Build();
            await host.Services.InitializeDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider, output);
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or System.Data.Common.DbException or IOException
                                       or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await error.WriteLineAsync($"Error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static async Task<string> LeerPasswordAsync(TextReader? entrada, TextWriter output)
    {
        if (entrada is null && !Console.IsInputRedirected)
        {
            await output.WriteAsync("Contraseña (no se muestra): ");
            var texto = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace) { if (texto.Length > 0) texto.Length--; }
                else if (!char.IsControl(key.KeyChar)) texto.Append(key.KeyChar);
            }
            await output.WriteLineAsync();
            return texto.ToString();
        }
        return (await (entrada ?? Console.In).ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
    }

    private static async Task<int> AgregarAsync(IServiceProvider services, string email, string rol, string? nombre, string password, TextWriter output, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<UsuarioStaff>>();
        var time = services.GetRequiredService<TimeProvider>();
        var user = new UsuarioStaff
        {
            UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, Nombre = string.IsNullOrWhiteSpace(nombre) ? email.Trim() : nombre.Trim(),
            CreadoEn = time.GetUtcNow().UtcDateTime,
        };
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException($"falta la contraseña: escríbala en la entrada estándar o en {PasswordVariable}.");
        var creado = await users.CreateAsync(user, password);
        if (!creado.Succeeded) throw new InvalidOperationException(string.Join(" ", creado.Errors.Select(e => e.Description)));
        var conRol = await users.AddToRoleAsync(user, rol);
        if (!conRol.Succeeded) throw new InvalidOperationException(string.Join(" ", conRol.Errors.Select(e => e.Description)));
        var db = services.GetRequiredService<AppDbContext>();
        Auditoria.Registrar(db, "línea de comandos", "crear", Auditoria.Usuario, user.Email, null, new { user.Email, user.Nombre, Rol = rol }, user.CreadoEn);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Cuenta creada: {user.Email} ({rol}).{(rol == Roles.Admin ? " En su primer ingreso deberá activar el segundo factor (aplicación de autenticación)." : "")}");
        return 0;
    }

    private static async Task<int> ListarAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var filas = await (from u in db.Users.AsNoTracking()
                           orderby u.Email
                           select new
                           {
                               u.Email, u.Nombre, u.Deshabilitado, u.TwoFactorEnabled, u.LockoutEnd,
                               Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                           }).ToListAsync(ct);
        if (filas.Count == 0) await output.WriteLineAsync("No hay cuentas de personal. Cree la primera con: users add --email … --role admin");
        foreach (var f in filas)
        {
            var estado = f.Deshabilitado ? "deshabilitada" : f.LockoutEnd > DateTimeOffset.UtcNow ? "bloqueada" : "activa";
            await output.WriteLineAsync($"{f.Email}\t{string.Join(",", f.Roles)}\t{estado}\tsegundo factor: {(f.TwoFactorEnabled ? "sí" : "no")}");
        }
        return 0;
    }

    private static async Task<int> RestablecerAsync(IServiceProvider services, string email, string password, TextWriter output, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<UsuarioStaff>>();
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new InvalidOperationException($"no hay una cuenta con el correo {email.Trim()}.");
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException($"falta la contraseña: escríbala en la entrada estándar o en {PasswordVariable}.");
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } invalida)
                throw new InvalidOperationException(string.Join(" ", invalida.Errors.Select(e => e.Description)));
        user.Deshabilitado = false;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.UpdateAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        var db = services.GetRequiredService<AppDbContext>();
        Auditoria.Registrar(db, "línea de comandos", "restablecer", Auditoria.Usuario, user.Email!, null, new { SegundoFactor = false, Deshabilitado = false },
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Cuenta restablecida: {user.Email}. Ingresa con la contraseña nueva y, si es administradora, activa de nuevo el segundo factor.");
        return 0;
    }

    private static async Task<int> DeshabilitarAsync(IServiceProvider services, string email, TextWriter output, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<UsuarioStaff>>();
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new InvalidOperationException($"no hay una cuenta con el correo {email.Trim()}.");
        await CuentasStaff.DeshabilitarAsync(users, user);
        var db = services.GetRequiredService<AppDbContext>();
        Auditoria.Registrar(db, "línea de comandos", "deshabilitar", Auditoria.Usuario, user.Email!, new { Deshabilitado = false }, new { Deshabilitado = true },
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Cuenta deshabilitada: {user.Email}. Sus sesiones abiertas terminan en menos de un minuto.");
        return 0;
    }
}

/// <summary>What the CLI and the users page both do to an account.</summary>
public static class CuentasStaff
{
    /// <summary>Disabled, locked out for good, and a new security stamp so that every open session ends.</summary>
    public static async Task DeshabilitarAsync(UserManager<UsuarioStaff> users, UsuarioStaff user)
    {
        user.Deshabilitado = true;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
    }
}
