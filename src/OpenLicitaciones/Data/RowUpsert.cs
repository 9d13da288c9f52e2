using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace OpenLicitaciones.Data;

/// <summary>
/// The sync's page writes, as plain SQL on each engine. An upsert is INSERT … ON CONFLICT DO UPDATE … WHERE some column
/// IS DISTINCT FROM the new value, so that a row whose values did not change is not written at all. PostgreSQL takes the
/// page as one statement over one array per column (one round trip); SQLite, in-process, steps one prepared statement
/// per batch of rows, its values bound by position through SQLite's own API (ADO.NET's binding looks every parameter
/// up by name, on every row, and was a large part of the page's time). Values are read through getters compiled once
/// per entity type. Everything runs inside the caller's transaction.
/// </summary>
public static class RowUpsert
{
    /// <summary>SQLite's limit of bound values in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).</summary>
    public const int SqliteMaxParameters = 32_766;

    /// <summary>Rows per SQLite statement at most: past a few dozen, a longer statement saves nothing measurable.</summary>
    public const int SqliteMaxRowsPerStatement = 50;

    /// <summary>Rows one SQLite statement carries for a table of <paramref name="columns"/> columns.</summary>
    public static int SqliteRowsPerStatement(int columns) => Math.Clamp(SqliteMaxParameters / columns, 1, SqliteMaxRowsPerStatement);

    private sealed record Plan(IEntityType Type, string Table, Column[] Columns, string Conflict);

    private static readonly ConcurrentDictionary<(Type, DatabaseProvider), Plan> Plans = new();
    private static readonly ConcurrentDictionary<(Type, int), string> SqliteStatements = new();

    /// <summary>Upserts <paramref name="rows"/> (distinct keys); returns how many the database inserted or changed.</summary>
    public static async Task<int> ExecuteAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var plan = PlanFor(db, typeof(T));
        return await WithConnectionAsync(db, (connection, transaction) => connection is NpgsqlConnection postgres
            ? ArraysAsync(postgres, (NpgsqlTransaction?)transaction, plan, rows, ct)
            : Task.FromResult(Batches((SqliteConnection)connection, plan, rows, SqliteRowsPerStatement(plan.Columns.Length))), ct);
    }

    /// <summary>SQLite with a chosen batch size, for the tests of batches that do not fill evenly.</summary>
    internal static Task<int> ExecuteOnSqliteAsync<T>(AppDbContext db, IReadOnlyList<T> rows, int rowsPerStatement, CancellationToken ct) where T : class =>
        WithConnectionAsync(db, (connection, _) => Task.FromResult(Batches((SqliteConnection)connection, PlanFor(db, typeof(T)), rows, rowsPerStatement)), ct);

    /// <summary>
    /// The keys among <paramref name="rows"/> (values of <paramref name="keyProperty"/>) stored from
    /// <paramref name="source"/> with the same :updated_at — one query per page on PostgreSQL, one indexed lookup per row
    /// in SQLite's process.
    /// </summary>
    public static async Task<HashSet<string>> UnchangedAsync<T>(AppDbContext db, string keyProperty, IReadOnlyList<(string Key, string UpdatedAt)> rows,
        string source, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return [];
        var plan = PlanFor(db, typeof(T));
        var key = Quote(plan.Type.FindProperty(keyProperty)!.GetColumnName());
        return await WithConnectionAsync(db, (connection, transaction) => connection is NpgsqlConnection postgres
            ? UnchangedOnPostgresAsync(postgres, (NpgsqlTransaction?)transaction, plan.Table, key, rows, source, ct)
            : Task.FromResult(UnchangedOnSqlite((SqliteConnection)connection, plan.Table, key, rows, source)), ct);
    }

    /// <summary>
    /// The transaction a sync page is stored in. On PostgreSQL its commit does not wait for the disk: a server crash can
    /// lose the last pages, but only with their checkpoint, so the next run reads them again — what SQLite's WAL with
    /// synchronous=NORMAL (DatabaseSettings) already does. One flush per 1,000-row page was a fifth of the load's time.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginPageAsync(AppDbContext db, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO off", ct);
        return transaction;
    }

    private static Plan PlanFor(AppDbContext db, Type type) =>
        Plans.GetOrAdd((type, db.Database.IsNpgsql() ? DatabaseProvider.Postgresql : DatabaseProvider.Sqlite), key => Build(db.Model.FindEntityType(key.Item1)!));

    private static async Task<TResult> WithConnectionAsync<TResult>(AppDbContext db, Func<DbConnection, DbTransaction?, Task<TResult>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL: the whole page as one statement over one typed array per column (unnest).</summary>
    private static async Task<int> ArraysAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, Plan plan, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        await using var command = new NpgsqlCommand(PostgresUpsert(plan), connection, transaction);
        foreach (var column in plan.Columns) command.Parameters.Add(column.Array(rows));
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<HashSet<string>> UnchangedOnPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table,
        string key, IReadOnlyList<(string Key, string UpdatedAt)> rows, string source, CancellationToken ct)
    {
        // One index probe per key (LIMIT keeps the planner from flattening the lateral subquery): with a plain join or
        // = ANY it read the whole table instead while the table was under a few tens of MB — 20 ms a page.
        var sql = $"""
            SELECT t.key, t.updated_at FROM unnest($1::text[]) AS page(key)
            CROSS JOIN LATERAL (SELECT {key} AS key, "SodaUpdatedAt" AS updated_at FROM {table} WHERE {key} = page.key AND "Source" = $2 LIMIT 1) AS t
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source, NpgsqlDbType = NpgsqlDbType.Text });
        var updatedAt = new Dictionary<string, string>(rows.Count);
        foreach (var row in rows) updatedAt[row.Key] = row.UpdatedAt;
        var unchanged = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (!await reader.IsDBNullAsync(1, ct) && reader.GetString(1) == updatedAt[reader.GetString(0)]) unchanged.Add(reader.GetString(0));
        return unchanged;
    }

    /// <summary>SQLite: batches of rows per statement, the last batch by a statement of its own size.</summary>
    private static int Batches<T>(SqliteConnection connection, Plan plan, IReadOnlyList<T> rows, int rowsPerStatement) where T : class
    {
        var written = 0;
        var full = rows.Count / rowsPerStatement * rowsPerStatement;
        if (full > 0)
        {
            using var statement = new SqliteStatement(connection, SqliteUpsert(plan, rowsPerStatement));
            for (var start = 0; start < full; start += rowsPerStatement) written += statement.Run(plan.Columns, rows, start, rowsPerStatement);
        }
        if (full < rows.Count)
        {
            using var statement = new SqliteStatement(connection, SqliteUpsert(plan, rows.Count - full));
            written += statement.Run(plan.Columns, rows, full, rows.Count - full);
        }
        return written;
    }

    private static HashSet<string> UnchangedOnSqlite(SqliteConnection connection, string table, string key,
        IReadOnlyList<(string Key, string UpdatedAt)> rows, string source)
    {
        using var statement = new SqliteStatement(connection, $"""SELECT 1 FROM {table} WHERE {key} = ?1 AND "SodaUpdatedAt" = ?2 AND "Source" = ?3""");
        var unchanged = new HashSet<string>();
        foreach (var row in rows)
            if (statement.Exists(row.Key, row.UpdatedAt, source)) unchanged.Add(row.Key);
        return unchanged;
    }

    private static string PostgresUpsert(Plan plan) =>
        $"""
        INSERT INTO {plan.Table} ({Names(plan)})
        SELECT * FROM unnest({string.Join(", ", plan.Columns.Select((c, i) => $"${i + 1}::{c.Property.GetColumnType()}[]"))}) WHERE true
        {plan.Conflict}
        """;

    // "WHERE true" keeps SQLite's parser from reading ON CONFLICT as a join constraint of the SELECT; VALUES needs none.
    private static string SqliteUpsert(Plan plan, int rows) => SqliteStatements.GetOrAdd((plan.Type.ClrType, rows), _ =>
    {
        var columns = plan.Columns.Length;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * columns + 1, columns).Select(i => $"?{i}")) + ")");
        return $"INSERT INTO {plan.Table} ({Names(plan)}) VALUES {string.Join(", ", values)}\n{plan.Conflict}";
    });

    private static string Names(Plan plan) => string.Join(", ", plan.Columns.Select(c => Quote(c.Property.GetColumnName())));

    private static Plan Build(IEntityType type)
    {
        var table = Quote(type.GetTableName()!);
        var properties = type.GetProperties().ToArray();
        var key = type.FindPrimaryKey()!.Properties;
        var others = properties.Except(key).Select(c => Quote(c.GetColumnName())).ToList();
        var conflict = $"""
            ON CONFLICT ({string.Join(", ", key.Select(c => Quote(c.GetColumnName())))}) DO UPDATE SET {string.Join(", ", others.Select(c => $"{c} = excluded.{c}"))}
            WHERE {string.Join(" OR ", others.Select(c => $"{table}.{c} IS DISTINCT FROM excluded.{c}"))}
            """;
        return new Plan(type, table, properties.Select(Column.For).ToArray(), conflict);
    }

    private static DateTime? Unspecified(DateTime? date) => date is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified) : null;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>One column: its value read from a row by a compiled getter, as a PostgreSQL array or a SQLite binding.</summary>
    private abstract class Column(IProperty property)
    {
        public IProperty Property { get; } = property;

        public abstract NpgsqlParameter Array<T>(IReadOnlyList<T> rows) where T : class;

        public abstract int Bind(sqlite3_stmt statement, int index, object row);

        public static Column For(IProperty property)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(string)) return new Column<string?>(property, NpgsqlDbType.Text);
            if (type == typeof(int)) return new Column<int?>(property, NpgsqlDbType.Integer);
            if (type == typeof(long)) return new Column<long?>(property, NpgsqlDbType.Bigint);
            if (type == typeof(bool)) return new Column<bool?>(property, NpgsqlDbType.Boolean);
            if (type == typeof(DateTime)) return new Column<DateTime?>(property, NpgsqlDbType.Timestamp);
            throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: tipo {property.ClrType} sin escritura directa");
        }
    }

    private sealed class Column<TValue>(IProperty property, NpgsqlDbType type) : Column(property)
    {
        private readonly Func<object, TValue> _get = Getter(property);

        public override NpgsqlParameter Array<T>(IReadOnlyList<T> rows)
        {
            var values = new TValue[rows.Count];
            for (var i = 0; i < values.Length; i++) values[i] = _get(rows[i]);
            return new NpgsqlParameter<TValue[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type };
        }

        public override int Bind(sqlite3_stmt statement, int index, object row) => _get(row) switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            // As Microsoft.Data.Sqlite writes a DateTime, so EF reads it back the same.
            DateTime date => raw.sqlite3_bind_text16(statement, index, date.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture).AsSpan()),
            var other => throw new NotSupportedException($"{other.GetType()} sin escritura directa"),
        };

        /// <summary>row => (TValue)((Entity)row).Property, compiled once; dates as "unspecified", as the columns keep them.</summary>
        private static Func<object, TValue> Getter(IProperty property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            Expression value = Expression.Convert(Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!), typeof(TValue));
            if (typeof(TValue) == typeof(DateTime?)) value = Expression.Call(typeof(RowUpsert).GetMethod(nameof(Unspecified), BindingFlags.NonPublic | BindingFlags.Static)!, value);
            return Expression.Lambda<Func<object, TValue>>(value, row).Compile();
        }
    }

    /// <summary>A statement prepared on the connection's own SQLite handle; finalized when disposed.</summary>
    private sealed class SqliteStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public SqliteStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        /// <summary>Binds <paramref name="count"/> rows from <paramref name="start"/> and steps once; returns the rows it changed.</summary>
        public int Run<T>(Column[] columns, IReadOnlyList<T> rows, int start, int count) where T : class
        {
            Check(raw.sqlite3_reset(_statement));
            var index = 1;
            for (var r = start; r < start + count; r++)
                foreach (var column in columns) Check(column.Bind(_statement, index++, rows[r]));
            Check(raw.sqlite3_step(_statement), raw.SQLITE_DONE);
            return raw.sqlite3_changes(_db);
        }

        public bool Exists(string key, string updatedAt, string source)
        {
            Check(raw.sqlite3_reset(_statement));
            Check(raw.sqlite3_bind_text16(_statement, 1, key.AsSpan()));
            Check(raw.sqlite3_bind_text16(_statement, 2, updatedAt.AsSpan()));
            Check(raw.sqlite3_bind_text16(_statement, 3, source.AsSpan()));
            var step = raw.sqlite3_step(_statement);
            if (step is not raw.SQLITE_ROW and not raw.SQLITE_DONE) Check(step);
            return step == raw.SQLITE_ROW;
        }

        private void Check(int result, int expected = raw.SQLITE_OK)
        {
            if (result != expected) SqliteException.ThrowExceptionForRC(result == raw.SQLITE_OK ? raw.SQLITE_ERROR : result, _db);
        }

        public void Dispose() => raw.sqlite3_finalize(_statement);
    }
}
