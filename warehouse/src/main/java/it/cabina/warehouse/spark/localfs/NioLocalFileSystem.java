package it.cabina.warehouse.spark.localfs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The checksummed local file system ({@code file:}) over {@link NioRawLocalFileSystem}: Hadoop's {@code fs.file.impl},
 * set in conf/cabina.yaml's Spark settings.
 */
public class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }
}
