using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Engagement.Rules.Serialization;

/// <summary>
/// The JSON formats of Engagement.Rules: customers' facts in (a JSON document per customer, or JSON Lines with one
/// customer per line; read with <see cref="FactsReader"/>), the shared dealership settings, and decisions out.
/// See docs/facts-json.md.
/// </summary>
public static class EngagementJson
{
    private static readonly JsonSerializerOptions Compact = Freeze(CreateOptions());
    private static readonly JsonSerializerOptions Indented = Freeze(new JsonSerializerOptions(CreateOptions()) { WriteIndented = true });

    /// <summary>
    /// Creates the serializer options of the formats: camelCase properties, enums as their names, NodaTime values
    /// in ISO form (<c>"2026-03-01"</c>, <c>"2026-03-01T10:00:00Z"</c>, zones by IANA id), VINs as strings,
    /// facts in a list by a <c>"type"</c> discriminator, unknown and duplicate properties rejected, value records'
    /// constructor parameters required, enums read from one declared name only, nulls not written.
    /// </summary>
    /// <returns>A new, modifiable instance.</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(FactsContract.Modify);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

            // A property given twice would silently keep the last value and drop the first: an error instead.
            AllowDuplicateProperties = false,

            // A value record's constructor parameter without a default (OdometerReading's date, a birthday's
            // monthDay) is required: left out, it would silently become default(T) (0001-01-01, January 1, 0).
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
            NewLine = "\n",

            // Files, not HTML: keep '+', accents and quotes readable ("+15125550100", "Côté").
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new VinJsonConverter());
        options.Converters.Add(new TouchKindJsonConverter());
        options.Converters.Add(new BusinessHoursJsonConverter());
        options.Converters.Add(new ValueRecordConverterFactory());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>Reads the shared dealership settings: <c>{"dealerships": [ ... ]}</c>.</summary>
    /// <param name="json">The settings document.</param>
    /// <returns>The dealerships, in the order given.</returns>
    /// <exception cref="FactsFormatException">The document is not valid; the exception carries the location.</exception>
    public static IReadOnlyList<Dealership> ReadDealerships(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DealershipSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<DealershipSettings>(json, Compact);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw FactsErrors.Translate(e, null, json);
        }

        if (settings?.Dealerships is not { } dealerships)
        {
            throw new FactsFormatException("The dealership settings are missing; expected {\"dealerships\": [ ... ]}.", null, "$", null, null);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dealerships.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.dealerships[{i}]");
            if (dealerships[i] is null)
            {
                throw new FactsFormatException("The dealership is null.", null, path, null, null);
            }

            if (!seen.Add(dealerships[i].DealershipId))
            {
                throw new FactsFormatException($"The dealership id '{dealerships[i].DealershipId}' is listed twice; expected each dealership once.", null, path + ".dealershipId", null, null);
            }
        }

        return dealerships;
    }

    /// <summary>Reads the shared dealership settings from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The settings document; left open.</param>
    /// <returns>The dealerships, in the order given.</returns>
    /// <exception cref="FactsFormatException">The document is not valid; the exception carries the location.</exception>
    public static IReadOnlyList<Dealership> ReadDealerships(Stream utf8Json) => ReadDealerships(ReadAll(utf8Json));

    /// <summary>Writes the shared dealership settings as an indented JSON document.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="dealerships">The dealerships.</param>
    public static void WriteDealerships(Stream utf8Json, IEnumerable<Dealership> dealerships)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(dealerships);
        JsonSerializer.Serialize(utf8Json, new DealershipSettings { Dealerships = [.. dealerships] }, Indented);
        utf8Json.WriteByte((byte)'\n');
    }

    /// <summary>Writes one customer's facts as an indented JSON document with the dealership embedded.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="facts">The customer's facts.</param>
    public static void WriteCustomerFacts(Stream utf8Json, CustomerFacts facts)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(facts);
        JsonSerializer.Serialize(utf8Json, Envelope(facts, embedDealership: true), Indented);
        utf8Json.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Writes one customer's facts as one JSON Lines line (compact JSON and <c>\n</c>), referring to the dealership
    /// by <c>dealershipId</c>: read it back with a <see cref="FactsReader"/> given the dealership settings.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="facts">The customer's facts.</param>
    public static void WriteCustomerFactsLine(TextWriter writer, CustomerFacts facts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(facts);
        writer.Write(JsonSerializer.Serialize(Envelope(facts, embedDealership: false), Compact));
        writer.Write('\n');
    }

    /// <summary>Writes an evaluation result (decisions, suppressed and held-out touches, diagnostics) as an indented JSON document.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="result">The result.</param>
    public static void WriteResult(Stream utf8Json, EngagementResult result)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(utf8Json, result, Indented);
        utf8Json.WriteByte((byte)'\n');
    }

    /// <summary>Writes evaluation results as JSON Lines: one result (one customer) per line, as the results come.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="results">The results.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> yields null (the lines before it are written).</exception>
    public static void WriteResults(TextWriter writer, IEnumerable<EngagementResult> results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        long position = 0;
        foreach (var result in results)
        {
            writer.Write(JsonSerializer.Serialize(NotNull(result, ++position, nameof(results)), Compact));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes evaluation results as UTF-8 JSON Lines, asynchronously, as the results come (an evaluator's
    /// <see cref="IEngagementEvaluator.EvaluateAsync"/> streamed to a file or the network): the lines of
    /// <see cref="WriteResults"/>, each given to the stream in one write once its result arrives; the stream is
    /// flushed at the end. Only whole lines are written: a cancellation or a failure stops between two.
    /// </summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="results">The results; enumerated with <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Stops reading results and writing lines.</param>
    /// <returns>A task that completes when every result is written and the stream flushed.</returns>
    /// <exception cref="ArgumentException"><paramref name="results"/> yields null (the lines before it are written).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task WriteResultsAsync(Stream utf8Json, IAsyncEnumerable<EngagementResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(results);
        cancellationToken.ThrowIfCancellationRequested();

        // One buffer and one writer for every line: a line is serialized whole, then written in one call.
        var line = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = Compact.Encoder });
        long position = 0;
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // A source may ignore the token: check it once per result.
            cancellationToken.ThrowIfCancellationRequested();
            line.ResetWrittenCount();
            json.Reset();
            JsonSerializer.Serialize(json, NotNull(result, ++position, nameof(results)), Compact);
            json.Flush();
            line.Write("\n"u8);
            await utf8Json.WriteAsync(line.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        await utf8Json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static JsonSerializerOptions CompactOptions => Compact;

    internal static string ReadAll(Stream utf8Json) => Utf8Input.ReadDocument(utf8Json);

    // A null result would be written as the line "null", which no reader of results expects.
    private static EngagementResult NotNull(EngagementResult? result, long position, string parameter) =>
        result ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The results yielded null as item {position} (1-based); every item must be an EngagementResult."), parameter);

    private static FactsEnvelope Envelope(CustomerFacts facts, bool embedDealership) => new()
    {
        Customer = facts.Customer,
        Dealership = embedDealership ? facts.Dealership : null,
        DealershipId = embedDealership ? null : facts.Dealership.DealershipId,
        Facts = [.. ToIdentities(facts.Facts)],
    };

    private static IEnumerable<Engine.IFactIdentity> ToIdentities(IReadOnlyList<object> facts)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            yield return facts[i] as Engine.IFactIdentity
                ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Facts[{i}] is a {facts[i].GetType().Name}, which is not a dealership fact type and has no JSON form."), nameof(facts));
        }
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }
}
