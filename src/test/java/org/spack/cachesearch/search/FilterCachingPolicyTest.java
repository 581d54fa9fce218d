package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FilterCachingPolicyTest {
  private final FilterCachingPolicy policy = new FilterCachingPolicy();
  private final TermQuery develop = new TermQuery(new Term("tag", "develop"));

  @Test
  void aTermFilterIsCachedFromItsSecondUse() throws Exception {
    policy.onUse(develop);
    assertFalse(policy.shouldCache(develop));
    policy.onUse(new TermQuery(new Term("tag", "develop")));
    assertTrue(policy.shouldCache(develop));
  }

  @Test
  void aTermSetFilterIsCachedFromItsSecondUse() throws Exception {
    TermInSetQuery oses =
        new TermInSetQuery("os", List.of(new BytesRef("rhel8"), new BytesRef("ubuntu22.04")));
    policy.onUse(oses);
    policy.onUse(oses);
    assertTrue(policy.shouldCache(oses));
  }

  @Test
  void aTermUsedOnceAndThenPushedOutOfTheHistoryIsNotCached() throws Exception {
    policy.onUse(develop);
    for (int i = 0; i < 256; i++) {
      policy.onUse(new TermQuery(new Term("package", "p" + i)));
    }
    policy.onUse(develop);
    assertFalse(policy.shouldCache(develop));
  }

  @Test
  void otherQueriesFollowLucenesOwnPolicy() throws Exception {
    // Lucene's policy never caches a match-all query, however often it is used.
    for (int i = 0; i < 10; i++) {
      policy.onUse(new MatchAllDocsQuery());
    }
    assertFalse(policy.shouldCache(new MatchAllDocsQuery()));
  }
}
