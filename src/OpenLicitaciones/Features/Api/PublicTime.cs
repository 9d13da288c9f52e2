using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenLicitaciones.Components;

namespace OpenLicitaciones.Features.Api;

/// <summary>
/// How the API and the exports write times (CONTRACTS §5). SQLite gives every DateTime back as Kind=Unspecified; a
/// published time means Bogotá civil time (SECOP's floating timestamps) unless it is marked Kind=Utc (our own sync runs).
/// A Bogotá time at midnight is a pure date and is written as one (2026-03-01).
/// </summary>
public static class PublicTime
{
    public static DateTime InBogota(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(value, ColombiaTime.Zone) : value;

    public static bool IsDate(DateTime value) => value.Kind != DateTimeKind.Utc && value.TimeOfDay == TimeSpan.Zero;

    public static string Iso(DateTime value)
    {
        if (value.Kind == DateTimeKind.Utc) return value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        if (IsDate(value)) return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), ColombiaTime.Zone.GetUtcOffset(value))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes every DateTime of the JSON API through <see cref="Iso"/>.</summary>
    public sealed class JsonConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(Iso(value));
    }
}
