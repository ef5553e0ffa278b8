using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Engagement.Rules.Benchmarks.DefaultPack;

namespace Engagement.Rules.Benchmarks.EndToEnd;

/// <summary>
/// A nightly batch: 100,000 generated customers (default rule pack, default policies), generated once in the
/// set-up and held in memory, evaluated single-threaded and with all cores. One operation is one customer
/// (<c>OperationsPerInvoke</c>), so Mean is the wall-clock time per customer and the Customers/s column the
/// throughput. With all cores, <see cref="EvaluateAsyncAllCores"/> is what a host does (the evaluator's batch
/// API, as the worker sample uses it: bounded work in flight, results in input order, a failing customer
/// reported instead of stopping the batch); <see cref="ParallelForAllCores"/> is the plain data-parallel upper
/// bound, without ordering or the task per customer. In <c>--ci</c> the batch is 1,000 customers (the
/// per-customer figures are then not meaningful, but nothing is measured in that mode).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class BatchThroughputBenchmark
{
    private const int FullBatch = 100_000;

    private IEngagementEvaluator _evaluator = null!;
    private CustomerFacts[] _customers = null!;

    [ParamsSource(nameof(BatchSizes))]
    public int Customers { get; set; }

    public static IEnumerable<int> BatchSizes => BenchmarkMode.Smoke ? [1_000] : [FullBatch];

    public static int Cores => Environment.ProcessorCount;

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = DefaultRulePack.Evaluator();
        _customers = GeneratedCustomers.Take(Customers);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FullBatch)]
    public int SingleThreaded()
    {
        var decisions = 0;
        foreach (var customer in _customers)
        {
            decisions += _evaluator.Evaluate(customer, DefaultRulePack.At).Decisions.Count;
        }

        return decisions;
    }

    [Benchmark(OperationsPerInvoke = FullBatch)]
    public async Task<int> EvaluateAsyncAllCores()
    {
        // The batch API reads the instant from the evaluator's clock (stopped at DefaultRulePack.At).
        var decisions = 0;
        await foreach (var result in _evaluator.EvaluateAsync(_customers.ToAsyncEnumerable(), Cores, CancellationToken.None).ConfigureAwait(false))
        {
            decisions += result.Decisions.Count;
        }

        return decisions;
    }

    [Benchmark(OperationsPerInvoke = FullBatch)]
    public int ParallelForAllCores()
    {
        var decisions = 0;
        Parallel.For(
            0,
            _customers.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Cores },
            () => 0,
            (i, _, local) => local + _evaluator.Evaluate(_customers[i], DefaultRulePack.At).Decisions.Count,
            local => Interlocked.Add(ref decisions, local));
        return decisions;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new CustomersPerSecondColumn());
        }
    }
}
