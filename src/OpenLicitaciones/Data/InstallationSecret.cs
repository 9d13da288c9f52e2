using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace OpenLicitaciones.Data;

/// <summary>
/// The installation's secret that makes a natural person's supplier id opaque (CONTRACTS §1). One row, kept in the
/// database so that every process (server, CLI) and every restart publishes the same ids.
/// </summary>
public sealed class InstallationSecret
{
    public const string ConfigurationKey = "Privacy:InstallationSecret";

    public int Id { get; set; }
    public string Value { get; set; } = "";

    /// <summary>
    /// The secret: <paramref name="configured"/> when given (stored, so it stays in force), else the stored one, else a
    /// new random one stored on first use.
    /// </summary>
    public static async Task<string> GetAsync(AppDbContext db, string? configured, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "InstallationSecrets" ("Id", "Value") VALUES (1, {configured})
                ON CONFLICT ("Id") DO UPDATE SET "Value" = excluded."Value" WHERE "InstallationSecrets"."Value" <> excluded."Value"
                """, ct);
            return configured;
        }
        if (await StoredAsync(db, ct) is { } stored) return stored;
        // Two processes starting together may both get here: the first insert wins and both read it back.
        var generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "InstallationSecrets" ("Id", "Value") VALUES (1, {generated}) ON CONFLICT ("Id") DO NOTHING""", ct);
        return (await StoredAsync(db, ct))!;
    }

    private static Task<string?> StoredAsync(AppDbContext db, CancellationToken ct) =>
        db.InstallationSecrets.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Value).FirstOrDefaultAsync(ct);
}
