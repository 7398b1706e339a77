/** The stored verification reports, read from the object store. */
package io.bulwark.retention.adapter.storage;
