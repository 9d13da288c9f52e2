using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

public sealed class AuditoriaTestsOnSqlite() : AuditoriaTests(DatabaseProvider.Sqlite);

public sealed class AuditoriaTestsOnPostgresql() : AuditoriaTests(DatabaseProvider.Postgresql);

/// <summary>The audit log is written with each change and can be neither edited nor deleted, whoever tries: the database refuses.</summary>
public abstract class AuditoriaTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDb _db = new(provider);

    [Fact]
    public async Task An_entry_is_saved_with_its_values_as_json_and_the_database_refuses_to_edit_or_delete_it()
    {
        await using (var db = _db.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            Auditoria.Registrar(db, "editora@palmira.gov.co", "editar", Auditoria.Meta, "g1 2026", new { Valor = 0.3 }, new { Valor = 0.35 },
                new DateTime(2026, 11, 22, 14, 0, 0));
            await db.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext();
        var entry = await check.Auditoria.SingleAsync();
        Assert.Equal(("editora@palmira.gov.co", "editar", "meta", "g1 2026"), (entry.Usuario, entry.Accion, entry.Entidad, entry.Clave));
        Assert.Equal("""{"valor":0.3}""", entry.Antes);
        Assert.Equal("""{"valor":0.35}""", entry.Despues);
        await Assert.ThrowsAnyAsync<Exception>(() => check.Database.ExecuteSqlRawAsync("""UPDATE "Auditoria" SET "Usuario" = 'otra'"""));
        await Assert.ThrowsAnyAsync<Exception>(() => check.Database.ExecuteSqlRawAsync("""DELETE FROM "Auditoria" """));
        Assert.Equal("editora@palmira.gov.co", await check.Auditoria.AsNoTracking().Select(a => a.Usuario).SingleAsync());
    }

    [Fact]
    public async Task An_invitation_opens_once_and_only_until_it_expires()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
        var ahora = new DateTime(2026, 11, 22, 14, 0, 0);
        var admin = new Actor("a", "admin@palmira.gov.co", true);
        var token = await Invitaciones.CrearAsync(db, admin, "editora@palmira.gov.co", ahora, TimeSpan.FromHours(72));

        Assert.NotNull(await Invitaciones.VigenteAsync(db, token, ahora.AddHours(71)));
        Assert.Null(await Invitaciones.VigenteAsync(db, token, ahora.AddHours(72)));
        Assert.Null(await Invitaciones.VigenteAsync(db, token + "x", ahora));
        Assert.DoesNotContain(db.Invitaciones.AsNoTracking(), i => i.TokenHash == token); // only its hash is kept
    }

    public void Dispose() => _db.Dispose();
}
