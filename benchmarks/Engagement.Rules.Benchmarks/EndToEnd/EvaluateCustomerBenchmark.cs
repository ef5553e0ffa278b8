using BenchmarkDotNet.Attributes;
using Engagement.Rules.Benchmarks.DefaultPack;

namespace Engagement.Rules.Benchmarks.EndToEnd;

/// <summary>
/// End to end, as a host calls it: <see cref="IEngagementEvaluator.Evaluate(CustomerFacts, NodaTime.Instant)"/>
/// with the default rule pack (rules/*.yaml) and the default policies, over the sample's 400 generated customers
/// (a session per customer: insert the facts, fire the rules, then stop conditions, suppression, consent, quiet
/// hours, expiry, caps, arbitration, holdouts and the decisions). One operation is one customer: each invocation
/// evaluates all 400 in turn, so the mean is the average over the whole, varied set.
/// </summary>
[MemoryDiagnoser]
public class EvaluateCustomerBenchmark
{
    private const int CustomerCount = 400;

    private IEngagementEvaluator _evaluator = null!;
    private CustomerFacts[] _customers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = DefaultRulePack.Evaluator();
        _customers = GeneratedCustomers.Take(CustomerCount);
    }

    [Benchmark(OperationsPerInvoke = CustomerCount)]
    public int Evaluate()
    {
        var decisions = 0;
        foreach (var customer in _customers)
        {
            decisions += _evaluator.Evaluate(customer, DefaultRulePack.At).Decisions.Count;
        }

        return decisions;
    }
}
