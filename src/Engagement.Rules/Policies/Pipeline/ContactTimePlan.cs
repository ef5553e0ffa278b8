using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>The outcome of planning: the allowed instant (null when none within the horizon) and what held it.</summary>
internal readonly record struct ContactTimePlan(Instant? At, IReadOnlyList<string> Causes);
