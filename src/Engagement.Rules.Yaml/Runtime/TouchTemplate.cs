using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine.Model;
using NodaTime;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>The fixed parts of a <c>touch</c> action, known when the rule is loaded.</summary>
internal sealed record TouchTemplate(
    string RuleId,
    TouchKind Kind,
    TouchClass Class,
    string Topic,
    ContactChannel? Channel,
    LocalTime? PreferredTime,
    int Priority,
    IReadOnlyList<string> ValueNames,
    IReadOnlyList<Declaration> Evidence);

/// <summary>The fixed parts of a <c>signal</c> action.</summary>
internal sealed record SignalTemplate(string RuleId, string Name, bool Linked, IReadOnlyList<string> ValueNames);
