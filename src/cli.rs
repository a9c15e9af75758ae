//! The command line (clap derive). Each subcommand's arguments live beside its code in `cmd/`.

use crate::lang::Lang;
use crate::output::Global;
use clap::{Parser, Subcommand};

pub use crate::cmd::{
    CheckArgs, ConsolidateArgs, OverdueArgs, PlanCommand, RemindArgs, TemplateArgs,
};

#[derive(Parser, Debug)]
#[command(
    name = "bdg",
    version,
    about = "Báo cáo bình đẳng giới: kế hoạch, báo cáo của đơn vị, hạn nộp, tổng hợp\n\
             Gender-equality reporting: plan, agency reports, deadlines, consolidation",
    after_help = "Mã thoát / exit codes: 0 không có gì cần lưu ý / nothing flagged; \
                  1 có lỗi hoặc đơn vị trễ hạn / errors or overdue agencies flagged; \
                  2 không chạy được / could not run.",
    propagate_version = true
)]
pub struct Cli {
    /// Ngôn ngữ của văn bản và thông báo / language of documents and messages
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
    /// Chỉ in lỗi, không in cảnh báo và thông tin / print errors only
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// In thêm chi tiết (mã hoá, dấu phân cách của từng tệp) / more detail
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    pub fn global(&self) -> Global {
        use std::io::IsTerminal;
        Global {
            lang: self.lang.into(),
            quiet: self.quiet,
            verbose: self.verbose,
            color_out: crate::output::wants_color(std::io::stdout().is_terminal()),
            color_err: crate::output::wants_color(std::io::stderr().is_terminal()),
            // The one reading of the clock: commands take their default as-of date from here.
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// The `--lang` flag's values; the core's [`Lang`] does not depend on clap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt (default)
    Vi,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra hoặc xem kế hoạch / validate or show a plan
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Mẫu báo cáo điền sẵn cho từng đơn vị / pre-filled report templates, one per agency
    Template(TemplateArgs),
    /// Đọc các tệp báo cáo và in lỗi / read report files and print diagnostics
    Check(CheckArgs),
    /// Đơn vị trễ hạn hoặc chưa nộp / late and missing agencies
    Overdue(OverdueArgs),
    /// Công văn đôn đốc cho từng đơn vị trễ hạn / reminder letters for late and missing agencies
    Remind(RemindArgs),
    /// Tổng hợp: sổ Excel, báo cáo văn bản, bảng tóm tắt / workbook, text report and summary
    Consolidate(ConsolidateArgs),
    /// Gợi ý lệnh cho shell / shell completions
    ///
    /// Ví dụ / example: bdg completions bash > /etc/bash_completion.d/bdg
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// In trang hướng dẫn (man) / print the man page
    ///
    /// Ví dụ / example: bdg man > bdg.1 && man ./bdg.1
    Man,
}
