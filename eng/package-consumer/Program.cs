// A consumer of the packed packages: proves that they restore, that their public API is usable from
// outside the repository, and that the engine runs.
using System;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;

var rules = RuleCompiler.Compile(Array.Empty<RuleDefinition>());
Console.WriteLine($"package consumer: compiled {rules.Rules.Count} rules");
