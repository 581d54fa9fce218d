package org.spack.cachesearch.index;

/** Told as an ingest goes; called from several threads at once. */
public interface IngestProgress {
  void started(int pages);

  void pageDone(int specs);

  void finished();

  IngestProgress NONE =
      new IngestProgress() {
        @Override
        public void started(int pages) {}

        @Override
        public void pageDone(int specs) {}

        @Override
        public void finished() {}
      };
}
