using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Benchmarks.DefaultPack;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// The default rule pack against the same rules hand-written in plain C# (<see cref="HandWrittenDefaultPack"/>),
/// over the sample's 400 generated customers; one operation is one customer. The comparison is at proposal
/// level, because the policy step is internal to Engagement.Rules: <see cref="HandWritten"/> (the baseline)
/// against <see cref="EngineRules"/> (a session, insert, fire, read the proposals: exactly the evaluator's rules
/// step). <see cref="EngineEndToEnd"/> adds the policies and decisions (the full Evaluate) for scale. The set-up
/// first checks that both propose the same touches for 3,000 generated customers and 429 variants of them
/// (<see cref="CheckScenarios"/>) at several instants (<see cref="DefaultPackCheck"/>), so a failing check fails the run, --ci included.
/// </summary>
[MemoryDiagnoser]
public class DefaultPackBaselineBenchmark
{
    private const int CustomerCount = 400;
    private const int CheckedCustomers = 3_000;

    private CompiledRuleSet _rules = null!;
    private IEngagementEvaluator _evaluator = null!;
    private CustomerFacts[] _customers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = DefaultRulePack.Rules;
        _evaluator = DefaultRulePack.Evaluator();
        var checkedCustomers = GeneratedCustomers.Take(CheckedCustomers);
        DefaultPackCheck.HandWrittenAgreesWithEngine(_rules, [.. checkedCustomers, .. CheckScenarios.From(checkedCustomers)]);
        _customers = checkedCustomers.Take(CustomerCount).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CustomerCount)]
    public int HandWritten()
    {
        var proposals = 0;
        foreach (var customer in _customers)
        {
            proposals += HandWrittenDefaultPack.Propose(customer, DefaultRulePack.At).Count;
        }

        return proposals;
    }

    [Benchmark(OperationsPerInvoke = CustomerCount)]
    public int EngineRules()
    {
        var proposals = 0;
        foreach (var customer in _customers)
        {
            proposals += EngineProposals.Propose(_rules, customer, DefaultRulePack.At).Length;
        }

        return proposals;
    }

    [Benchmark(OperationsPerInvoke = CustomerCount)]
    public int EngineEndToEnd()
    {
        var decisions = 0;
        foreach (var customer in _customers)
        {
            decisions += _evaluator.Evaluate(customer, DefaultRulePack.At).Decisions.Count;
        }

        return decisions;
    }
}
