//! ssi-verify-core as firmware: the checks of `proof-checks` (the same ones the x86_64
//! `nostd-proof` binary runs) on a Cortex-M4F board (QEMU `mps2-an386`, `thumbv7em-none-eabihf`)
//! and a 32-bit RISC-V board (QEMU `virt`, `riscv32imac-unknown-none-elf`).
//!
//! Output and the exit status go through semihosting (QEMU `-semihosting-config
//! enable=on,target=native`): `run.sh` reads the lines and QEMU's exit status (0 only when every
//! check gave the expected answer and every entry point kept its stack bound). The heap is an
//! `embedded-alloc` linked-list heap over a fixed arena in `.uninit`, wrapped in
//! `proof_checks::heap::Counted` for the high-water mark. Instructions are counted with QEMU's
//! `-icount shift=0`, under which virtual time advances 1 ns per instruction: the Cortex-M4
//! image reads the board's 25 MHz FPGA counter (one tick per 40 instructions), the RISC-V image
//! reads `minstret`, which QEMU derives from the same instruction count.

#![no_std]
#![no_main]
#![deny(unsafe_op_in_unsafe_fn)]

#[cfg(not(any(target_arch = "arm", target_arch = "riscv32")))]
compile_error!("the firmware builds for thumbv7em-none-eabihf or riscv32imac-unknown-none-elf only (see run.sh)");

use core::fmt::Write as _;
use core::mem::MaybeUninit;
use embedded_alloc::LlffHeap;
use proof_checks::heap::Counted;
use proof_checks::Line;

/// The heap arena. The checks need about 60 KiB at once (the RSA-4096 and presentation paths);
/// the kiosk configurations far less (BENCHMARKS.md gives each entry point's peak).
const HEAP_SIZE: usize = 256 * 1024;

#[global_allocator]
static HEAP: Counted<LlffHeap> = Counted(LlffHeap::empty());

/// In `.uninit` so the start-up code does not spend instructions zeroing it and the size tables
/// can tell the arena from the program's own `.bss`.
#[link_section = ".uninit.heap"]
static mut HEAP_MEM: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE];

/// Sets up the heap, runs the checks, exits with their status.
fn start() -> ! {
    // SAFETY: runs once, before the first allocation, and nothing else refers to HEAP_MEM.
    unsafe { HEAP.0.init(core::ptr::addr_of_mut!(HEAP_MEM) as usize, HEAP_SIZE) };
    let mut board = arch::Board::new();
    let mut line = Line::new();
    let _ = write!(line, "firmware: {} ({}), heap arena {HEAP_SIZE} bytes", arch::BOARD, arch::TARGET);
    proof_checks::Board::print(&mut board, line.as_str());
    let status = proof_checks::run("firmware", &mut board);
    arch::exit(status == 0)
}

/// The stack's highest address, `_stack_start`, which both runtime crates' `link.x` define (the
/// end of RAM here).
fn stack_top() -> usize {
    extern "C" {
        static _stack_start: u8;
    }
    // Only the symbol's address is taken; the byte there is never read.
    core::ptr::addr_of!(_stack_start) as usize
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut line = Line::new();
    let _ = write!(line, "firmware: panic: {info}");
    arch::print(line.as_str());
    arch::exit(false)
}

#[cfg(target_arch = "arm")]
mod arch {
    use cortex_m_semihosting::{debug, hio};

    pub(crate) const BOARD: &str = "QEMU mps2-an386, Cortex-M4F";
    pub(crate) const TARGET: &str = "thumbv7em-none-eabihf";

    /// The MPS2 FPGA I/O block's free-running COUNTER, one tick per cycle of the 25 MHz system
    /// clock (QEMU `hw/misc/mps2-fpgaio.c`, at 0x4002_8000 + 0x18 on AN385/AN386).
    const FPGAIO_COUNTER: usize = 0x4002_8018;
    /// With `-icount shift=0` one instruction is 1 ns of virtual time: 40 per 25 MHz tick.
    const INSTRUCTIONS_PER_TICK: u64 = 1_000_000_000 / 25_000_000;

    #[cortex_m_rt::entry]
    fn main() -> ! {
        super::start()
    }

    /// Extends the 32-bit counter to 64 bits (it wraps every 171 s of virtual time).
    pub(crate) struct Board {
        last: u32,
        ticks: u64,
    }

    impl Board {
        pub(crate) fn new() -> Self {
            Self { last: read_counter(), ticks: 0 }
        }
    }

    fn read_counter() -> u32 {
        // SAFETY: a read-only MMIO register of the board's FPGA I/O block, always mapped; reading
        // it has no side effect.
        unsafe { core::ptr::read_volatile(FPGAIO_COUNTER as *const u32) }
    }

    impl proof_checks::Board for Board {
        fn print(&mut self, line: &str) {
            print(line);
        }

        fn instructions(&mut self) -> Option<u64> {
            let now = read_counter();
            self.ticks += u64::from(now.wrapping_sub(self.last));
            self.last = now;
            Some(self.ticks * INSTRUCTIONS_PER_TICK)
        }

        fn stack_top(&self) -> Option<usize> {
            Some(super::stack_top())
        }
    }

    pub(crate) fn print(line: &str) {
        if let Ok(mut out) = hio::hstdout() {
            let _ = out.write_all(line.as_bytes());
            let _ = out.write_all(b"\n");
        }
    }

    /// Ends the QEMU run: exit status 0 for success, 1 otherwise.
    pub(crate) fn exit(success: bool) -> ! {
        debug::exit(if success { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE });
        loop {
            cortex_m::asm::wfi();
        }
    }
}

#[cfg(target_arch = "riscv32")]
mod arch {
    use riscv_semihosting::{debug, hio};

    pub(crate) const BOARD: &str = "QEMU virt, RV32IMAC";
    pub(crate) const TARGET: &str = "riscv32imac-unknown-none-elf";

    #[riscv_rt::entry]
    fn main() -> ! {
        super::start()
    }

    /// Reads `minstret`: under `-icount` QEMU counts it exactly, one per instruction retired.
    pub(crate) struct Board;

    impl Board {
        pub(crate) fn new() -> Self {
            Self
        }
    }

    impl proof_checks::Board for Board {
        fn print(&mut self, line: &str) {
            print(line);
        }

        fn instructions(&mut self) -> Option<u64> {
            Some(riscv::register::minstret::read64())
        }

        fn stack_top(&self) -> Option<usize> {
            Some(super::stack_top())
        }
    }

    pub(crate) fn print(line: &str) {
        if let Ok(mut out) = hio::hstdout() {
            let _ = out.write_all(line.as_bytes());
            let _ = out.write_all(b"\n");
        }
    }

    /// Ends the QEMU run: exit status 0 for success, 1 otherwise.
    pub(crate) fn exit(success: bool) -> ! {
        debug::exit(if success { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE });
        loop {
            riscv::asm::wfi();
        }
    }
}
