using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Engagement.Rules.Benchmarks.EndToEnd;

/// <summary>
/// Throughput in customers per second, from the mean time per operation: the batch benchmarks count one
/// customer as one operation (<c>OperationsPerInvoke</c>), so this is 1 s divided by the mean.
/// </summary>
internal sealed class CustomersPerSecondColumn : IColumn
{
    public string Id => nameof(CustomersPerSecondColumn);

    public string ColumnName => "Customers/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Customers evaluated per second (wall clock, all threads together): 1 s / Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
