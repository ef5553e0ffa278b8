using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>A declaration a match binds at the top level of a rule, and whether it binds a fact (a pattern).</summary>
internal sealed record BoundDeclaration(Declaration Declaration, bool IsFact);
