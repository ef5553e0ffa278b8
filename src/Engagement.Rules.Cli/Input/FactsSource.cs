using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Cli.Input;

/// <summary>
/// The customers' facts of a command: a <c>.jsonl</c> file is read lazily as JSON Lines, any other file as one
/// customer's JSON document. Read errors become located <see cref="CliException"/>s (file, line, JSON path).
/// </summary>
internal sealed class FactsSource
{
    private readonly string _file;
    private readonly FactsReader _reader;
    private readonly bool _hasDealerships;

    private FactsSource(string file, FactsReader reader, bool hasDealerships)
    {
        _file = file;
        _reader = reader;
        _hasDealerships = hasDealerships;
    }

    public static FactsSource Open(string file, string? dealershipsFile)
    {
        CheckFile(file, "facts file");
        IReadOnlyList<Dealership> dealerships = [];
        if (dealershipsFile is not null)
        {
            CheckFile(dealershipsFile, "dealership settings file");
            try
            {
                // From the bytes: the reader decodes UTF-8 strictly (File.ReadAllText would turn bad bytes into U+FFFD).
                using var stream = File.OpenRead(dealershipsFile);
                dealerships = EngagementJson.ReadDealerships(stream);
            }
            catch (FactsFormatException ex)
            {
                throw CliApplication.FactsError(dealershipsFile, ex);
            }
        }

        try
        {
            return new FactsSource(file, new FactsReader(dealerships), dealershipsFile is not null);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{dealershipsFile}: {ex.Message}");
        }
    }

    private static void CheckFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: is a folder; expected a {what}.");
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: no such {what}.");
        }
    }

    private bool IsJsonLines => _file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || _file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every customer, in file order; the enumeration throws a located error at the first bad line.</summary>
    public IEnumerable<CustomerFacts> ReadAll()
    {
        if (!IsJsonLines)
        {
            yield return ReadDocument();
            yield break;
        }

        // The stream reader decodes UTF-8 strictly and reports a bad byte at its line (a TextReader from
        // File.OpenText would silently turn it into U+FFFD inside a name or id).
        using var stream = File.OpenRead(_file);
        using var lines = _reader.ReadCustomerFactsLinesAsync(stream).ToBlockingEnumerable().GetEnumerator();
        while (true)
        {
            CustomerFacts current;
            try
            {
                if (!lines.MoveNext())
                {
                    yield break;
                }

                current = lines.Current;
            }
            catch (FactsFormatException ex)
            {
                throw FactsError(ex);
            }

            yield return current;
        }
    }

    public async IAsyncEnumerable<CustomerFacts> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var customer in ReadAll())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return customer;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public CustomerFacts FindCustomer(string customerId) =>
        ReadAll().FirstOrDefault(c => string.Equals(c.Customer.CustomerId, customerId, StringComparison.Ordinal))
        ?? throw new CliException(ExitCodes.BadInput, $"{_file}: no customer '{customerId}'.");

    private CustomerFacts ReadDocument()
    {
        try
        {
            using var stream = File.OpenRead(_file);
            return _reader.ReadCustomerFacts(stream);
        }
        catch (FactsFormatException ex)
        {
            throw FactsError(ex);
        }
    }

    /// <summary>A located error; a customer naming its dealership by id without <c>--dealerships</c> is told to pass it.</summary>
    private CliException FactsError(FactsFormatException ex)
    {
        var error = CliApplication.FactsError(_file, ex);
        return !_hasDealerships && ex.Path == "$.dealershipId"
            ? new CliException(error.ExitCode, $"{error.Message} Pass --dealerships <file> with the dealerships' settings ({{\"dealerships\": [...]}}).", error.Location)
            : error;
    }
}
