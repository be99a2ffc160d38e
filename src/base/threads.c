/* base/threads.c: a fork-join parallel loop on pthreads for the per-tile
 * work of render/; results never depend on which thread ran an item. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "base.h"

typedef struct ParallelJob {
    AuStatus (*fn)(void *user, size_t index, int thread);
    void *user;
    size_t count;
    atomic_size_t next;
    atomic_int status;
} ParallelJob;

typedef struct ParallelWorker {
    ParallelJob *job;
    int thread;
} ParallelWorker;

static void *run_worker(void *arg)
{
    ParallelWorker *w = arg;
    ParallelJob *job = w->job;
    for (;;) {
        if (atomic_load(&job->status) != AU_OK)
            break;
        size_t i = atomic_fetch_add(&job->next, 1);
        if (i >= job->count)
            break;
        AuStatus st = job->fn(job->user, i, w->thread);
        if (st != AU_OK) {
            int expected = AU_OK;
            atomic_compare_exchange_strong(&job->status, &expected, (int)st);
        }
    }
    return NULL;
}

int base_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > 256 ? 256 : (int)n);
}

AuStatus base_parallel_for(int threads, size_t count,
                           AuStatus (*fn)(void *user, size_t index, int thread),
                           void *user)
{
    if (threads <= 0)
        threads = base_cpu_count();
    if ((size_t)threads > count)
        threads = count ? (int)count : 1;
    ParallelJob job;
    job.fn = fn;
    job.user = user;
    job.count = count;
    atomic_init(&job.next, 0);
    atomic_init(&job.status, AU_OK);

    ParallelWorker workers[256];
    pthread_t tids[256];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        workers[t].job = &job;
        workers[t].thread = t;
        if (pthread_create(&tids[t], NULL, run_worker, &workers[t]) != 0)
            break;
        started = t;
    }
    // The calling thread works too, so one thread means no pthreads at all.
    workers[0].job = &job;
    workers[0].thread = 0;
    run_worker(&workers[0]);
    for (int t = 1; t <= started; t++)
        pthread_join(tids[t], NULL);
    return (AuStatus)atomic_load(&job.status);
}

double base_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
