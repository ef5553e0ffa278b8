using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>
/// Reads customers' facts: a JSON document per customer, or JSON Lines with one customer per line. A customer's
/// dealership is embedded (<c>"dealership": {...}</c>) or named by <c>"dealershipId"</c> among the dealerships given
/// to the constructor (see <see cref="EngagementJson.ReadDealerships(string)"/>).
/// </summary>
/// <remarks>
/// Errors are <see cref="FactsFormatException"/>s carrying the line, JSON path and byte position. JSON Lines are read
/// lazily, one line at a time (constant memory); blank lines are ignored. Choose per call what a bad line does:
/// the overloads without a callback throw at the first bad line (the lines before it have been returned); the
/// overloads with <c>onError</c> report every bad line to it and go on with the next line. The callback may collect
/// the errors, log them, or throw to stop. A reader is immutable and may be shared between threads.
/// </remarks>
public sealed partial class FactsReader
{
    private readonly Dictionary<string, Dealership> _dealerships = new(StringComparer.Ordinal);

    /// <summary>Creates a reader for facts that embed their dealership.</summary>
    public FactsReader()
        : this([])
    {
    }

    /// <summary>Creates a reader that also resolves <c>dealershipId</c> references against <paramref name="dealerships"/>.</summary>
    /// <param name="dealerships">The shared dealerships.</param>
    /// <exception cref="ArgumentException">Two dealerships have the same id.</exception>
    public FactsReader(IEnumerable<Dealership> dealerships)
    {
        ArgumentNullException.ThrowIfNull(dealerships);
        foreach (var dealership in dealerships)
        {
            ArgumentNullException.ThrowIfNull(dealership, nameof(dealerships));
            if (!_dealerships.TryAdd(dealership.DealershipId, dealership))
            {
                throw new ArgumentException($"The dealership id '{dealership.DealershipId}' is given twice.", nameof(dealerships));
            }
        }
    }

    /// <summary>Reads one customer's facts from a JSON document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The customer's facts.</returns>
    /// <exception cref="FactsFormatException">The document is not valid; the exception carries the location.</exception>
    public CustomerFacts ReadCustomerFacts(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(WithoutByteOrderMark(json), null);
    }

    /// <summary>Reads one customer's facts from a UTF-8 JSON document.</summary>
    /// <param name="utf8Json">The document; left open.</param>
    /// <returns>The customer's facts.</returns>
    /// <exception cref="FactsFormatException">The document is not valid; the exception carries the location.</exception>
    public CustomerFacts ReadCustomerFacts(Stream utf8Json) => Parse(EngagementJson.ReadAll(utf8Json), null);

    /// <summary>Reads JSON Lines lazily, one customer per line, and stops at the first bad line.</summary>
    /// <remarks>
    /// The text is decoded by whoever made <paramref name="reader"/>: a <see cref="StreamReader"/> replaces bytes that
    /// are not UTF-8 by U+FFFD without a word. Read files with <see cref="ReadCustomerFactsLinesAsync(Stream)"/>, which
    /// decodes strictly and reports such a byte at its line.
    /// </remarks>
    /// <param name="reader">The lines.</param>
    /// <returns>The customers' facts, in line order.</returns>
    /// <exception cref="FactsFormatException">Thrown by the enumeration at the first bad line.</exception>
    public IEnumerable<CustomerFacts> ReadCustomerFactsLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Lines(reader, null);
    }

    /// <summary>Reads JSON Lines lazily, one customer per line; a bad line is reported to <paramref name="onError"/> and reading goes on.</summary>
    /// <param name="reader">The lines.</param>
    /// <param name="onError">Called with each bad line's error, in line order; it may throw to stop.</param>
    /// <returns>The valid customers' facts, in line order.</returns>
    public IEnumerable<CustomerFacts> ReadCustomerFactsLines(TextReader reader, Action<FactsFormatException> onError)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onError);
        return Lines(reader, onError);
    }

    /// <summary>Reads UTF-8 JSON Lines asynchronously and lazily, and stops at the first bad line. Cancel with <c>WithCancellation</c>.</summary>
    /// <param name="utf8Json">The lines; left open.</param>
    /// <returns>The customers' facts, in line order.</returns>
    /// <exception cref="FactsFormatException">Thrown by the enumeration at the first bad line.</exception>
    /// <exception cref="OperationCanceledException">Thrown by the enumeration at the next line once the <c>WithCancellation</c> token is cancelled.</exception>
    public IAsyncEnumerable<CustomerFacts> ReadCustomerFactsLinesAsync(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return LinesAsync(utf8Json, null);
    }

    /// <summary>Reads UTF-8 JSON Lines asynchronously and lazily; a bad line is reported to <paramref name="onError"/> and reading goes on. Cancel with <c>WithCancellation</c>.</summary>
    /// <param name="utf8Json">The lines; left open.</param>
    /// <param name="onError">Called with each bad line's error, in line order; it may throw to stop.</param>
    /// <returns>The valid customers' facts, in line order.</returns>
    /// <exception cref="OperationCanceledException">Thrown by the enumeration at the next line once the <c>WithCancellation</c> token is cancelled.</exception>
    public IAsyncEnumerable<CustomerFacts> ReadCustomerFactsLinesAsync(Stream utf8Json, Action<FactsFormatException> onError)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(onError);
        return LinesAsync(utf8Json, onError);
    }

    /// <summary>
    /// Reads JSON Lines asynchronously and lazily from text, and stops at the first bad line. Cancel with
    /// <c>WithCancellation</c>.
    /// </summary>
    /// <remarks>
    /// The asynchronous twin of <see cref="ReadCustomerFactsLines(TextReader)"/>, for text that arrives slowly (a
    /// pipe, a network reader). The text is decoded by whoever made <paramref name="reader"/> (see there); bytes read
    /// from a file or a socket are better given to <see cref="ReadCustomerFactsLinesAsync(Stream)"/>, which decodes
    /// strictly.
    /// </remarks>
    /// <param name="reader">The lines; left open.</param>
    /// <returns>The customers' facts, in line order.</returns>
    /// <exception cref="FactsFormatException">Thrown by the enumeration at the first bad line.</exception>
    /// <exception cref="OperationCanceledException">Thrown by the enumeration at the next line once the <c>WithCancellation</c> token is cancelled.</exception>
    public IAsyncEnumerable<CustomerFacts> ReadCustomerFactsLinesAsync(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return LinesAsync(reader, null);
    }

    /// <summary>
    /// Reads JSON Lines asynchronously and lazily from text; a bad line is reported to <paramref name="onError"/> and
    /// reading goes on. Cancel with <c>WithCancellation</c>.
    /// </summary>
    /// <param name="reader">The lines; left open.</param>
    /// <param name="onError">Called with each bad line's error, in line order; it may throw to stop.</param>
    /// <returns>The valid customers' facts, in line order.</returns>
    /// <exception cref="OperationCanceledException">Thrown by the enumeration at the next line once the <c>WithCancellation</c> token is cancelled.</exception>
    public IAsyncEnumerable<CustomerFacts> ReadCustomerFactsLinesAsync(TextReader reader, Action<FactsFormatException> onError)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onError);
        return LinesAsync(reader, onError);
    }

    private IEnumerable<CustomerFacts> Lines(TextReader reader, Action<FactsFormatException>? onError)
    {
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            if (TryLine(line, ++number, onError, out var facts))
            {
                yield return facts;
            }
        }
    }

    private async IAsyncEnumerable<CustomerFacts> LinesAsync(TextReader reader, Action<FactsFormatException>? onError, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // A reader may serve buffered lines without looking at the token: check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            if (TryLine(line, ++number, onError, out var facts))
            {
                yield return facts;
            }
        }
    }

    private async IAsyncEnumerable<CustomerFacts> LinesAsync(Stream utf8Json, Action<FactsFormatException>? onError, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in Utf8Input.ReadLinesAsync(utf8Json, cancellationToken).ConfigureAwait(false))
        {
            // ReadLineAsync serves buffered lines without looking at the token: check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            if (line.Error is { } error)
            {
                // A UTF-16 file is not JSON Lines at all: stop there whatever the caller chose.
                if (onError is null || line.EndsTheInput)
                {
                    throw error;
                }

                onError(error);
            }
            else if (TryLine(line.Text!, line.Number, onError, out var facts))
            {
                yield return facts;
            }
        }
    }

    /// <summary>
    /// The step every JSON Lines entry point takes per line (numbered from 1, in the order read): the first line loses
    /// a leading byte order mark, a blank line is skipped, any other is one customer's facts, or its error (thrown,
    /// or given to <paramref name="onError"/>).
    /// </summary>
    private bool TryLine(string line, long number, Action<FactsFormatException>? onError, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CustomerFacts? facts)
    {
        facts = null;
        if (number == 1)
        {
            // Text may still start with the byte order mark (decoded without looking for one, or a second one after
            // the mark a decoder dropped: StreamReader and Utf8Input drop one). A U+FEFF starting a later line is no
            // mark: the JSON parser rejects it at that line.
            line = WithoutByteOrderMark(line);
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        try
        {
            facts = Parse(line, number);
            return true;
        }
        catch (FactsFormatException e) when (onError is not null)
        {
            onError(e);
            return false;
        }
    }

    private CustomerFacts Parse(string json, long? lineNumber)
    {
        FactsEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<FactsEnvelope>(json, EngagementJson.CompactOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw FactsErrors.Translate(e, lineNumber, json);
        }

        if (envelope?.Customer is not { } customer)
        {
            throw Error(envelope is null ? "The customer's facts are null; expected an object {\"customer\": ..., \"dealership\" or \"dealershipId\": ..., \"facts\": [...]}." : "The customer is null.", lineNumber, envelope is null ? "$" : "$.customer");
        }

        var dealership = Dealership(envelope, lineNumber);
        if (envelope.Facts is null)
        {
            throw Error("The facts are null; expected an array (may be empty).", lineNumber, "$.facts");
        }

        try
        {
            return new CustomerFacts(customer, dealership, envelope.Facts);
        }
        catch (ArgumentException e)
        {
            var path = FactIndex().Match(e.Message) is { Success: true } match
                ? string.Create(CultureInfo.InvariantCulture, $"$.facts[{match.Groups[1].Value}]")
                : "$.facts";
            throw new FactsFormatException(e.Message, lineNumber, path, null, e);
        }
    }

    private Dealership Dealership(FactsEnvelope envelope, long? lineNumber)
    {
        if (envelope.Dealership is not null && envelope.DealershipId is not null)
        {
            throw Error("Both \"dealership\" and \"dealershipId\" are given; expected one of them.", lineNumber, "$.dealershipId");
        }

        if (envelope.Dealership is { } embedded)
        {
            return embedded;
        }

        if (envelope.DealershipId is not { } id)
        {
            throw Error("The dealership is missing; expected \"dealership\": {...} or \"dealershipId\" naming a dealership of the settings.", lineNumber, "$");
        }

        if (_dealerships.TryGetValue(id, out var shared))
        {
            return shared;
        }

        var known = _dealerships.Count == 0
            ? " No dealership settings were given to the reader."
            : NameSuggestions.Hint(id, _dealerships.Keys) + $" The dealerships are: {string.Join(", ", _dealerships.Keys.Order(StringComparer.Ordinal))}.";
        throw Error($"Unknown dealership id '{Formatting.SerializerMessages.Cut(id)}'.{known}", lineNumber, "$.dealershipId");
    }

    // Text read with a decoder that keeps the UTF-8 byte order mark (Encoding.UTF8.GetString) starts with U+FEFF.
    private static string WithoutByteOrderMark(string json) => json.StartsWith('\uFEFF') ? json[1..] : json;

    // Checks made after parsing know the JSON Lines line, but not the line within a document.
    private static FactsFormatException Error(string reason, long? lineNumber, string path) => new(reason, lineNumber, path, null, null);

    [GeneratedRegex(@"^Facts\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex FactIndex();
}
