using System.Reflection;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Rule files embedded in an assembly under a resource name prefix.</summary>
internal sealed record EmbeddedRules(Assembly Assembly, string Prefix);
