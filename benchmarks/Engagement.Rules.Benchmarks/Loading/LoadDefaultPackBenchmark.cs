using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Benchmarks.DefaultPack;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;

namespace Engagement.Rules.Benchmarks.Loading;

/// <summary>
/// Start-up cost of the default rule pack (rules/*.yaml): <see cref="Load"/> reads the files, parses the YAML and
/// binds the expressions to the fact model (RuleFileLoader: YAML to the engine's rule model);
/// <see cref="Compile"/> builds the Rete network and compiles its expression trees (RuleCompiler);
/// <see cref="LoadAndCompile"/> is both, what a host does once at start-up and on each hot reload.
/// </summary>
[MemoryDiagnoser]
public class LoadDefaultPackBenchmark
{
    private IReadOnlyList<RuleDefinition> _rules = null!;

    [GlobalSetup]
    public void Setup() => _rules = DefaultRulePack.Load().Rules;

    [Benchmark]
    public RuleLoadResult Load() => new RuleFileLoader().Load([DefaultRulePack.Folder]);

    [Benchmark]
    public CompiledRuleSet Compile() => RuleCompiler.Compile(_rules);

    [Benchmark]
    public CompiledRuleSet LoadAndCompile() => RuleCompiler.Compile(new RuleFileLoader().Load([DefaultRulePack.Folder]).Rules);
}
