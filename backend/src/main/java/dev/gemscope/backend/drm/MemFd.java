package dev.gemscope.backend.drm;

/**
 * An anonymous shmem file from {@code memfd_create(2)}: the backing store udmabuf wants, and a
 * device-free way to test mapping and fd ownership.
 */
public interface MemFd extends OwnedFile {

    /** The size set at creation with {@code ftruncate}. */
    long size();

    /** {@code fcntl(F_ADD_SEALS)} with {@link LinuxUapi} F_SEAL_ bits; needs MFD_ALLOW_SEALING. */
    void addSeals(int seals) throws DrmException;

    /** {@code fcntl(F_GET_SEALS)}. */
    int seals() throws DrmException;

    /** Maps part of the file shared. */
    Mapping mmap(long offset, long length, int prot) throws DrmException;
}
