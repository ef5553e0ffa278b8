using System.Reflection;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests;

public sealed class SourceLocationTest
{
    [Test]
    public void Shift_IsNotPublicApi()
    {
        typeof(SourceLocation).GetMethod(nameof(SourceLocation.Shift), BindingFlags.Public | BindingFlags.Instance)
            .Should().BeNull("it is the loader's helper for positions inside a scalar, not something a host needs");
    }

    [Test]
    public void Shift_MovesTheColumnOnly()
    {
        new SourceLocation("a.yaml", 3, 7).Shift(5).Should().Be(new SourceLocation("a.yaml", 3, 12));
    }
}
