using System.Linq;
using Engagement.Rules.SampleData;

namespace Engagement.Rules.Benchmarks.DefaultPack;

/// <summary>
/// Realistic customers from the sample's fixed-seed generator (samples/Engagement.Rules.SampleData): six
/// dealerships in the US and Canada, 1 to 3 vehicles each with contracts, repair orders, recalls, consents,
/// referrals, owner events, forecasts and touches sent, dated around 2026-11-24. The same customers on every run.
/// </summary>
internal static class GeneratedCustomers
{
    /// <summary>The first <paramref name="count"/> generated customers (the first 400 are the sample's data set).</summary>
    public static CustomerFacts[] Take(int count) => [.. new SampleDataGenerator().Generate(count)];

    /// <summary>The average number of facts per customer, the customer and dealership included.</summary>
    public static double AverageFacts(CustomerFacts[] customers) => customers.Average(c => c.Facts.Count + 2);
}
