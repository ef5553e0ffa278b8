using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.WorkerSample;

/// <summary>
/// Stands in for the host's database: the sample data set, plus a trade-in appraisal (the host fact type) for every
/// fifth customer's first owned vehicle, so the worker's own rule has something to match.
/// </summary>
public sealed class FactStore(string dataFolder)
{
    /// <summary>The dealerships of the data set.</summary>
    /// <remarks>Read from the bytes: the reader decodes UTF-8 strictly, where File.ReadAllText would turn bad bytes into U+FFFD.</remarks>
    public IReadOnlyList<Dealership> Dealerships { get; } = ReadDealerships(Path.Combine(dataFolder, "dealership.json"));

    /// <summary>The customers of some dealerships (all when <paramref name="dealershipIds"/> is null), read lazily.</summary>
    public async IAsyncEnumerable<CustomerFacts> ReadAsync(IReadOnlySet<string>? dealershipIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new FactsReader(Dealerships);
        await using var lines = File.OpenRead(Path.Combine(dataFolder, "customers.jsonl"));
        var index = 0;
        await foreach (var facts in reader.ReadCustomerFactsLinesAsync(lines).WithCancellation(cancellationToken))
        {
            index++;
            if (dealershipIds is null || dealershipIds.Contains(facts.Dealership.DealershipId))
            {
                yield return WithAppraisal(facts, index);
            }
        }
    }

    private static CustomerFacts WithAppraisal(CustomerFacts facts, int index)
    {
        if (index % 5 != 0 || facts.Facts.OfType<Vehicle>().FirstOrDefault(v => v.IsOwned) is not { } vehicle)
        {
            return facts;
        }

        // Deterministic: the offer depends on the customer's position, the date on the sample reference date.
        var offer = 1_000_000L + (index * 7919 % 1_500_000);
        return facts.With([new TradeInAppraisal(facts.Customer.CustomerId, vehicle.Vin, offer, new LocalDate(2026, 11, 20))]);
    }

    private static IReadOnlyList<Dealership> ReadDealerships(string path)
    {
        using var stream = File.OpenRead(path);
        return EngagementJson.ReadDealerships(stream);
    }
}
