using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>The System.Text.Json settings that read fact records: NodaTime values in ISO form, enums by name, VINs as text.</summary>
internal static class FactJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso, "an instant such as 2026-03-10T15:00:00Z"));
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso, "a date such as 2026-03-10"));
        options.Converters.Add(new PatternConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH:mm"), "a time such as 07:30"));
        options.Converters.Add(new PatternConverter<AnnualDate>(AnnualDatePattern.Iso, "a month and day such as 02-29"));
        options.Converters.Add(new VinConverter());
        options.Converters.Add(new TouchKindConverter());
        options.Converters.Add(new BusinessHoursConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern, string expected) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"expected {expected} in quotes or as text.");
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not {expected}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class VinConverter : JsonConverter<Vin>
    {
        public override Vin Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Vin.Parse(reader.GetString()!) : throw new JsonException("a VIN is 17 characters of text.");

        public override void Write(Utf8JsonWriter writer, Vin value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    private sealed class TouchKindConverter : JsonConverter<TouchKind>
    {
        public override TouchKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? new TouchKind(reader.GetString()!) : throw new JsonException("a touch kind is text such as reminder.");

        public override void Write(Utf8JsonWriter writer, TouchKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }

    /// <summary>Business hours are written as the list of opening hours.</summary>
    private sealed class BusinessHoursConverter : JsonConverter<BusinessHours>
    {
        public override BusinessHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<List<OpeningHours>>(ref reader, options) ?? throw new JsonException("business hours are a list of opening hours."));

        public override void Write(Utf8JsonWriter writer, BusinessHours value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
