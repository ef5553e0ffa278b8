using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Benchmarks.DefaultPack;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;

namespace Engagement.Rules.Benchmarks.Loading;

/// <summary>
/// A large rule pack: 1,000 rules of the default pack's shapes (<see cref="GeneratedRulePack"/>), generated as
/// YAML text in the set-up and loaded with <see cref="RuleFileLoader.LoadFromText"/>. <see cref="Load"/> is parse
/// and bind, <see cref="Compile"/> the engine compile, <see cref="LoadAndCompile"/> both. Target: compiling 1,000
/// rules in under one second. In <c>--ci</c> the pack has 50 rules.
/// </summary>
[MemoryDiagnoser]
public class LoadGeneratedPackBenchmark
{
    private string _text = null!;
    private IReadOnlyList<RuleDefinition> _rules = null!;

    [ParamsSource(nameof(RuleCounts))]
    public int Rules { get; set; }

    public static IEnumerable<int> RuleCounts => BenchmarkMode.Smoke ? [50] : [1_000];

    [GlobalSetup]
    public void Setup()
    {
        _text = GeneratedRulePack.Yaml(Rules);
        var loaded = new RuleFileLoader().LoadFromText("generated.yaml", _text);
        if (!loaded.Success || loaded.Rules.Count != Rules)
        {
            throw new InvalidOperationException($"The generated pack does not load ({loaded.Rules.Count} of {Rules} rules):\n" + loaded.FormatDiagnostics());
        }

        _rules = loaded.Rules;
    }

    [Benchmark]
    public RuleLoadResult Load() => new RuleFileLoader().LoadFromText("generated.yaml", _text);

    [Benchmark]
    public CompiledRuleSet Compile() => RuleCompiler.Compile(_rules);

    [Benchmark]
    public CompiledRuleSet LoadAndCompile() => RuleCompiler.Compile(new RuleFileLoader().LoadFromText("generated.yaml", _text).Rules);
}
