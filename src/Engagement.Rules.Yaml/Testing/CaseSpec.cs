using System.Collections.Generic;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>A case as written, defaults applied; facts stay YAML until the case runs.</summary>
internal sealed record CaseSpec(
    IReadOnlyList<string> RulePaths,
    Instant At,
    YamlMappingNode Customer,
    YamlMappingNode Dealership,
    IReadOnlyList<YamlNode> Facts,
    IReadOnlyList<TouchExpectation> Expected,
    IReadOnlyList<TouchExpectation> NotExpected,
    IReadOnlyList<TouchExpectation> ExpectedSuppressed,
    bool NothingElse);
